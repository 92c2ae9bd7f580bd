package dev.genairesilience.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Azure OpenAI's Images API, as Microsoft Learn's REST reference shows it: the v1 form
 * {@code POST /openai/v1/images/generations} (the deployment as the body's {@code model}) and the deployment form
 * {@code POST /openai/deployments/{deployment}/images/generations?api-version=…}; the key in the {@code api-key}
 * header, or a Microsoft Entra token as {@code Authorization: Bearer} (checked as the key); OpenAI's request body
 * and image answer; Azure's error object {@code {"error":{"code","message"}}}, its content filter
 * ({@code content_policy_violation} with an {@code inner_error} of {@code ResponsibleAIPolicyViolation}) and its
 * wait hints ({@code retry-after} in seconds and
 * {@code x-ms-retry-after-ms}). The model a call reaches is its deployment name.
 */
final class AzureOpenAiDialect implements JsonImageDialect {

    private static final String V1 = "/openai/v1/images/generations";
    private static final Pattern DEPLOYMENT = Pattern.compile("/openai/deployments/([^/]+)/images/generations");

    @Override
    public Api api() {
        return Api.AZURE_OPENAI;
    }

    @Override
    public boolean servesPath(String path) {
        return V1.equals(path) || DEPLOYMENT.matcher(path).matches();
    }

    @Override
    public IncomingCall parse(IncomingRequest request) {
        String apiKey = request.header("api-key");
        String key = apiKey != null ? apiKey : request.bearerToken();
        JsonNode body = Json.readOrNull(request.body());
        if (body == null || !body.isObject()) {
            return IncomingCall.invalid(null, key, "We could not parse the JSON body of your request.");
        }
        Matcher deployment = DEPLOYMENT.matcher(request.path());
        String model;
        if (deployment.matches()) {
            if (request.queryParameter("api-version") == null) {
                return IncomingCall.invalid(null, key, "Missing required query parameter: api-version");
            }
            model = deployment.group(1);
        } else {
            model = body.path("model").isTextual() ? body.path("model").asText() : null;
        }
        if (model == null || model.isBlank()) {
            return IncomingCall.invalid(null, key, "you must provide a model parameter");
        }
        if (!body.path("prompt").isTextual() || body.path("prompt").asText().isBlank()) {
            return IncomingCall.invalid(model, key, "Missing required parameter: 'prompt'.");
        }
        ImageSize size = OpenAiDialect.size(body.path("size"));
        if (size == null) {
            return IncomingCall.invalid(model, key, "Invalid value for 'size': expected WIDTHxHEIGHT or 'auto'.");
        }
        return IncomingCall.valid(model, body.path("prompt").asText(), key, false,
                Resolutions.ofLongSide(size.longSide()), size);
    }



    @Override
    public ObjectNode imageAnswer(IncomingCall call, String base64) {
        return OpenAiDialect.imagesAnswer(base64);
    }

    @Override
    public Answer fault(Fault fault, FaultContext context) {
        return switch (fault) {
            case OVERLOADED, LOADING -> withHints(error(503, "ServiceUnavailable",
                    "The service is temporarily unable to process your request. Please try again later."), context);
            case RATE_LIMITED -> withHints(error(429, "429", "Requests to the Images_Generations Operation under "
                    + "Azure OpenAI API have exceeded call rate limit of your current AIServices S0 pricing tier. "
                    + "Please retry after " + context.retryAfter() + " seconds."), context);
            case BAD_REQUEST -> invalid("Invalid request: the emulator was scripted to reject it.");
            case UNPROCESSABLE -> error(422, "UnprocessableEntity",
                    "The request was well-formed but could not be processed.");
            case UNAUTHORIZED -> error(401, "401", "Access denied due to invalid subscription key or wrong API "
                    + "endpoint. Make sure to provide a valid key for an active subscription and use a correct "
                    + "regional API endpoint for your resource.");
            case FORBIDDEN, OUT_OF_CREDITS -> error(403, "403", "Public access is disabled. Please configure private endpoint.");
            case NOT_FOUND -> error(404, "DeploymentNotFound", "The API deployment for this resource does not "
                    + "exist. If you created the deployment within the last 5 minutes, please wait a moment and try "
                    + "again.");
            case SERVER_ERROR -> error(500, "InternalServerError",
                    "The server had an error while processing your request. Sorry about that!");
            case BAD_GATEWAY -> Answer.gatewayPage(502, "Bad Gateway");
            case GATEWAY_TIMEOUT -> Answer.gatewayPage(504, "Gateway Time-out");
            case MALFORMED -> OpenAiDialect.emptyData();
            case DROP_CONNECTION -> Answer.drop();
            case CONTENT_BLOCKED, PROMPT_BLOCKED -> filtered();
        };
    }

    @Override
    public Answer invalid(String problem) {
        return error(400, "BadRequest", problem);
    }

    /** Azure's hints: {@code retry-after} in whole seconds and {@code x-ms-retry-after-ms}. */
    private static Answer withHints(Answer answer, FaultContext context) {
        return answer.withHeader("retry-after", context.retryAfter())
                .withHeader("x-ms-retry-after-ms", HintFormat.millis(context.hint()));
    }

    /** The content filter's refusal of the prompt. */
    private static Answer filtered() {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error").put("code", "content_policy_violation")
                .put("message", "Your request was rejected as a result of our safety system. Your prompt may "
                        + "contain text that is not allowed by our safety system.");
        ObjectNode results = error.putObject("inner_error").put("code", "ResponsibleAIPolicyViolation")
                .putObject("content_filter_results");
        for (String category : new String[] {"hate", "self_harm", "sexual", "violence"}) {
            boolean filtered = category.equals("violence");
            results.putObject(category).put("filtered", filtered).put("severity", filtered ? "high" : "safe");
        }
        return Answer.json(400, body);
    }

    private static Answer error(int status, String code, String message) {
        ObjectNode body = Json.object();
        body.putObject("error").put("code", code).put("message", message);
        return Answer.json(status, body);
    }
}
