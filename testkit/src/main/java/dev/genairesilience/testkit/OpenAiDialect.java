package dev.genairesilience.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI: {@code POST /v1/images/generations}, model in the body, key as a bearer token; and
 * {@code GET /v1/models/{model}}, the model's description. A call's image is of its {@code size} ({@code WIDTHxHEIGHT},
 * each side 1 to {@value ImageSize#MAX_SIDE}; absent or {@code auto}: 1024x1024; anything else: 400), its size class
 * that of the longer side.
 */
final class OpenAiDialect implements JsonImageDialect {

    private static final String PATH = "/v1/images/generations";
    private static final String MODELS = "/v1/models/";
    private static final Pattern SIZE = Pattern.compile("(\\d{1,5})x(\\d{1,5})");

    @Override
    public Api api() {
        return Api.OPENAI;
    }

    @Override
    public boolean servesPath(String path) {
        return PATH.equals(path);
    }

    /** The model whose description {@code path} asks for, or {@code null} when it is no model path. */
    String metadataModel(String path) {
        return path.startsWith(MODELS) && path.length() > MODELS.length() ? path.substring(MODELS.length()) : null;
    }

    /** The model object, as {@code GET /v1/models/{model}} returns it. */
    Answer metadata(String model) {
        return Answer.json(200, Json.object().put("id", model).put("object", "model").put("created", 1_700_000_000L)
                .put("owned_by", "genai-resilience-testkit"));
    }

    @Override
    public IncomingCall parse(IncomingRequest request) {
        String key = request.bearerToken();
        JsonNode body = Json.readOrNull(request.body());
        if (body == null || !body.isObject()) {
            return IncomingCall.invalid(null, key, "We could not parse the JSON body of your request.");
        }
        String model = body.path("model").isTextual() ? body.path("model").asText() : null;
        if (model == null || model.isBlank()) {
            return IncomingCall.invalid(null, key, "you must provide a model parameter");
        }
        if (!body.path("prompt").isTextual() || body.path("prompt").asText().isBlank()) {
            return IncomingCall.invalid(model, key, "Missing required parameter: 'prompt'.");
        }
        ImageSize size = size(body.path("size"));
        if (size == null) {
            return IncomingCall.invalid(model, key, "Invalid value for 'size': expected WIDTHxHEIGHT or 'auto', "
                    + "each side at most " + ImageSize.MAX_SIDE + ".");
        }
        return IncomingCall.valid(model, body.path("prompt").asText(), key, false,
                Resolutions.ofLongSide(size.longSide()), size);
    }

    /** The pixel size of a {@code size} field: absent or {@code auto} is 1024x1024; {@code null} when unreadable. */
    static ImageSize size(JsonNode size) {
        if (size.isMissingNode() || size.isNull() || "auto".equals(size.asText())) {
            return ImageSize.DEFAULT;
        }
        Matcher m = SIZE.matcher(size.isTextual() ? size.asText() : "");
        if (!m.matches()) {
            return null;
        }
        int width = Integer.parseInt(m.group(1));
        int height = Integer.parseInt(m.group(2));
        return ImageSize.fits(width) && ImageSize.fits(height) ? new ImageSize(width, height) : null;
    }



    @Override
    public Answer fault(Fault fault, FaultContext context) {
        return switch (fault) {
            case OVERLOADED, LOADING -> withHints(error(503, "server_error", null,
                    "The engine is currently overloaded, please try again later"), context);
            case RATE_LIMITED -> withHints(error(429, "requests", "rate_limit_exceeded",
                    "Rate limit reached for " + context.model() + " on requests per min (RPM). Please try again in "
                            + HintFormat.protobufDuration(context.hint()) + "."), context);
            case BAD_REQUEST -> invalid("Invalid request: the emulator was scripted to reject it.");
            case UNPROCESSABLE -> error(422, "invalid_request_error", null,
                    "The request was well-formed but could not be processed.");
            case UNAUTHORIZED -> error(401, "invalid_request_error", "invalid_api_key",
                    "Incorrect API key provided. You can find your API key at "
                            + "https://platform.openai.com/account/api-keys.");
            case FORBIDDEN, OUT_OF_CREDITS -> error(403, "request_forbidden", "unsupported_country_region_territory",
                    "Country, region, or territory not supported");
            case NOT_FOUND -> error(404, "invalid_request_error", "model_not_found",
                    "The model '" + context.model() + "' does not exist or you do not have access to it.");
            case SERVER_ERROR -> error(500, "server_error", null,
                    "The server had an error while processing your request. Sorry about that!");
            case BAD_GATEWAY -> Answer.gatewayPage(502, "Bad Gateway");
            case GATEWAY_TIMEOUT -> Answer.gatewayPage(504, "Gateway Time-out");
            case MALFORMED -> emptyData();
            case DROP_CONNECTION -> Answer.drop();
            case CONTENT_BLOCKED, PROMPT_BLOCKED -> moderated(context);
        };
    }

    @Override
    public Answer invalid(String problem) {
        return error(400, "invalid_request_error", null, problem);
    }

    private static Answer withHints(Answer answer, FaultContext context) {
        return answer.withHeader("retry-after", context.retryAfter())
                .withHeader("retry-after-ms", HintFormat.millis(context.hint()));
    }

    /** The moderation refusal of the model's family: DALL·E's older code, or gpt-image's. */
    private static Answer moderated(FaultContext context) {
        if (context.model().startsWith("dall-e")) {
            return error(400, "invalid_request_error", "content_policy_violation",
                    "Your request was rejected as a result of our safety system. Your prompt may contain text that "
                            + "is not allowed by our safety system.");
        }
        return error(400, "image_generation_user_error", "moderation_blocked",
                "Your request was rejected by the safety system. If you believe this is an error, contact us at "
                        + "help.openai.com.");
    }

    @Override
    public ObjectNode imageAnswer(IncomingCall call, String base64) {
        return imagesAnswer(base64);
    }

    /** The Images API's answer carrying one base64 image (Azure OpenAI's too). */
    static ObjectNode imagesAnswer(String base64) {
        ObjectNode body = Json.object().put("created", System.currentTimeMillis() / 1000);
        body.putArray("data").addObject().put("b64_json", base64);
        return body;
    }

    /** A 200 whose image list is empty. */
    static Answer emptyData() {
        ObjectNode body = Json.object().put("created", System.currentTimeMillis() / 1000);
        body.putArray("data");
        return Answer.json(200, body);
    }

    private static Answer error(int status, String type, String code, String message) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putObject("error").put("message", message).put("type", type);
        error.putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return Answer.json(status, body);
    }
}
