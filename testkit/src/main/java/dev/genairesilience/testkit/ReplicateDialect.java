package dev.genairesilience.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replicate's predictions API: {@code POST /v1/models/{owner}/{name}/predictions} with a bearer token and
 * {@code {"input": {prompt, aspect_ratio}}} answers the prediction: {@code succeeded} with its {@code output} URL
 * at once when the model's {@link ModelBehaviour#pendingPolls(int)} is 0 (as {@code Prefer: wait} does for a quick
 * model), else {@code processing} with {@code urls.get}, which answers {@code processing} for that many polls and
 * then {@code succeeded}; {@code POST urls.cancel} cancels one not finished; a {@link ModelBehaviour#forgetJobs()
 * forgotten} prediction answers 404. Errors are {@code {"detail": …}}.
 * A call's size class is 1K; its pixel size follows its aspect ratio.
 */
final class ReplicateDialect implements Dialect {

    static final String PREFIX = "/replicate/";
    private static final Pattern CREATE = Pattern.compile("/v1/models/([^/]+/[^/]+)/predictions");

    private final Function<String, ModelBehaviour> models;
    private final Map<String, Prediction> predictions = new ConcurrentHashMap<>();

    private record Prediction(String model, AnswerBody image, AtomicInteger pendingLeft, AtomicBoolean canceled,
            int generation) {
    }

    ReplicateDialect(Function<String, ModelBehaviour> models) {
        this.models = models;
    }

    @Override
    public Api api() {
        return Api.REPLICATE;
    }

    @Override
    public boolean servesPath(String path) {
        return CREATE.matcher(path).matches();
    }

    @Override
    public IncomingCall parse(IncomingRequest request) {
        String key = request.bearerToken();
        Matcher m = CREATE.matcher(request.path());
        String model = m.matches() ? m.group(1) : null;
        JsonNode body = Json.readOrNull(request.body());
        JsonNode input = body == null ? null : body.path("input");
        if (input == null || !input.isObject()) {
            return IncomingCall.invalid(model, key, "input is required");
        }
        if (!input.path("prompt").isTextual() || input.path("prompt").asText().isBlank()) {
            return IncomingCall.invalid(model, key, "input: prompt is required");
        }
        return IncomingCall.valid(model, input.path("prompt").asText(), key, false, "1K",
                ImageSize.ofClass("1K", input.path("aspect_ratio").asText(null)));
    }

    @Override
    public Answer success(IncomingCall call, byte[] png) {
        return created(call.model(), AnswerBody.of(png));
    }

    @Override
    public Answer oversized(IncomingCall call, byte[] png, OversizedAnswer oversized) {
        return created(call.model(), OversizedBody.raw(png, oversized));
    }

    @Override
    public Answer fault(Fault fault, FaultContext context) {
        return switch (fault) {
            case OVERLOADED, LOADING -> detail(503, "Service unavailable");
            case RATE_LIMITED -> detail(429, "Request was throttled.").withHeader("retry-after", context.retryAfter());
            case BAD_REQUEST -> invalid("Invalid request: the emulator was scripted to reject it.");
            case UNPROCESSABLE -> detail(422, "Input validation failed");
            case UNAUTHORIZED -> detail(401, "You did not pass a valid authentication token");
            case FORBIDDEN -> detail(403, "You do not have permission to perform this action.");
            case OUT_OF_CREDITS -> detail(402, "You have insufficient credit to run this model.");
            case NOT_FOUND -> detail(404, "The requested resource could not be found.");
            case SERVER_ERROR -> detail(500, "Internal server error");
            case BAD_GATEWAY -> Answer.gatewayPage(502, "Bad Gateway");
            case GATEWAY_TIMEOUT -> Answer.gatewayPage(504, "Gateway Time-out");
            case MALFORMED -> Answer.json(201, Json.object().put("status", "starting"));
            case DROP_CONNECTION -> Answer.drop();
            case PROMPT_BLOCKED, CONTENT_BLOCKED -> Answer.json(201, state(UUID.randomUUID().toString(), "failed",
                    null, "http://emulator"));
        };
    }

    @Override
    public Answer invalid(String problem) {
        return detail(400, problem);
    }

    /** {@code GET …/{id}} (a poll), {@code POST …/{id}/cancel}, {@code GET …/{id}/output.png}. */
    Answer prediction(IncomingRequest request) {
        String[] parts = request.path().substring(PREFIX.length()).split("/");
        Prediction prediction = predictions.get(parts[0]);
        String host = "http://" + request.header("host");
        ModelBehaviour model = prediction == null ? null : models.apply(prediction.model());
        if (prediction == null || prediction.generation() != model.jobGeneration()) {
            return detail(404, "Not found.");
        }
        String what = parts.length > 1 ? parts[1] : "";
        if ("cancel".equals(what)) {
            model.recordCancel();
            prediction.canceled().set(prediction.pendingLeft().get() > 0);
            return Answer.json(200, state(parts[0], prediction.canceled().get() ? "canceled" : "succeeded", null,
                    host));
        }
        if ("output.png".equals(what)) {
            return Answer.streamed(200, "image/png", prediction.image());
        }
        Fault fault = model.recordPoll();
        if (fault != null) {
            return fault(fault, FaultContext.of(model, model.hint()));
        }
        if (prediction.canceled().get()) {
            return Answer.json(200, state(parts[0], "canceled", null, host));
        }
        boolean pending = model.jobsHeld() || prediction.pendingLeft().getAndDecrement() > 0;
        return Answer.json(200, state(parts[0], pending ? "processing" : "succeeded",
                pending ? null : host + PREFIX + parts[0] + "/output.png", host));
    }

    private Answer created(String model, AnswerBody image) {
        String id = UUID.randomUUID().toString().replace("-", "");
        ModelBehaviour behaviour = models.apply(model);
        int pending = behaviour.jobsHeld() ? Math.max(1, behaviour.pendingPollsPerJob())
                : behaviour.pendingPollsPerJob();
        predictions.put(id, new Prediction(model, image, new AtomicInteger(pending), new AtomicBoolean(),
                behaviour.jobGeneration()));
        // the answer is relative to nothing: the client resolves the URLs against the API's own base
        return Answer.json(201, state(id, pending == 0 ? "succeeded" : "processing",
                pending == 0 ? PREFIX + id + "/output.png" : null, ""));
    }

    private static ObjectNode state(String id, String status, String output, String host) {
        ObjectNode body = Json.object().put("id", id).put("status", status);
        if (output == null) {
            body.putNull("output");
        } else {
            body.putArray("output").add(output);
        }
        body.putObject("urls").put("get", host + PREFIX + id).put("cancel", host + PREFIX + id + "/cancel");
        return body;
    }

    private static Answer detail(int status, String message) {
        return Answer.bytes(status, "application/json", Json.write(Json.object().put("detail", message)));
    }
}
