package dev.genairesilience.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * fal's queue API: {@code POST /fal-ai/…} (the model id as the path) with {@code Authorization: Key …} and
 * {@code {prompt, image_size: {width, height}}} answers {@code {request_id, status_url, response_url, cancel_url}};
 * the status answers {@code IN_QUEUE} for as many polls as the model's {@link ModelBehaviour#pendingPolls(int)},
 * then {@code COMPLETED}; the response is {@code {images: [{url, width, height, content_type}],
 * has_nsfw_concepts}} (flagged, with a black image, for a prompt the script blocks); {@code PUT cancel_url}
 * cancels a request not completed yet ({@code 202 CANCELLATION_REQUESTED}, else {@code 400 ALREADY_COMPLETED});
 * a {@link ModelBehaviour#forgetJobs() forgotten} request's URLs answer 404. Errors are {@code {"detail": …}}. Its
 * size class is the {@code image_size}'s longer side.
 */
final class FalDialect implements Dialect {

    static final String QUEUE_PREFIX = "/fal-queue/";
    private static final String MODELS_PREFIX = "/fal-ai/";

    private final Function<String, ModelBehaviour> models;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /** A queued request: its model, its image, whether it is flagged, its polls left in queue, cancelled or not. */
    private record Job(String model, AnswerBody image, boolean flagged, AtomicInteger pendingLeft,
            AtomicBoolean cancelled, int generation) {
    }

    FalDialect(Function<String, ModelBehaviour> models) {
        this.models = models;
    }

    @Override
    public Api api() {
        return Api.FAL;
    }

    @Override
    public boolean servesPath(String path) {
        return path.startsWith(MODELS_PREFIX) && path.length() > MODELS_PREFIX.length();
    }

    @Override
    public IncomingCall parse(IncomingRequest request) {
        String auth = request.header("authorization");
        String key = auth != null && auth.startsWith("Key ") ? auth.substring(4).trim() : null;
        String model = request.path().substring(1);
        JsonNode body = Json.readOrNull(request.body());
        if (body == null || !body.isObject()) {
            return IncomingCall.invalid(model, key, "Invalid JSON body");
        }
        if (!body.path("prompt").isTextual() || body.path("prompt").asText().isBlank()) {
            return IncomingCall.invalid(model, key, "prompt: field required");
        }
        int width = body.path("image_size").path("width").asInt(1024);
        int height = body.path("image_size").path("height").asInt(1024);
        if (!ImageSize.fits(width) || !ImageSize.fits(height)) {
            return IncomingCall.invalid(model, key, "image_size: width and height must be 1 to " + ImageSize.MAX_SIDE);
        }
        return IncomingCall.valid(model, body.path("prompt").asText(), key, false,
                Resolutions.ofLongSide(Math.max(width, height)), new ImageSize(width, height));
    }

    @Override
    public Answer success(IncomingCall call, byte[] png) {
        return queued(call.model(), AnswerBody.of(png), false);
    }

    @Override
    public Answer oversized(IncomingCall call, byte[] png, OversizedAnswer oversized) {
        return queued(call.model(), OversizedBody.raw(png, oversized), false);
    }

    @Override
    public Answer fault(Fault fault, FaultContext context) {
        return switch (fault) {
            case OVERLOADED, LOADING -> detail(503, "Service temporarily unavailable");
            case RATE_LIMITED -> detail(429, "Too many requests").withHeader("retry-after", context.retryAfter());
            case BAD_REQUEST -> invalid("Invalid request: the emulator was scripted to reject it.");
            case UNPROCESSABLE -> detail(422, "Unprocessable entity");
            case UNAUTHORIZED -> detail(401, "Unauthorized");
            case FORBIDDEN -> detail(403, "Forbidden");
            case OUT_OF_CREDITS -> detail(403, "User is locked. Reason: Exhausted balance.");
            case NOT_FOUND -> detail(404, "Application not found");
            case SERVER_ERROR -> detail(500, "Internal Server Error");
            case BAD_GATEWAY -> Answer.gatewayPage(502, "Bad Gateway");
            case GATEWAY_TIMEOUT -> Answer.gatewayPage(504, "Gateway Time-out");
            case MALFORMED -> Answer.json(200, Json.object().put("request_id", UUID.randomUUID().toString()));
            case DROP_CONNECTION -> Answer.drop();
            case PROMPT_BLOCKED, CONTENT_BLOCKED -> queued(context.model(),
                    AnswerBody.of(new PngRenderer().render("black")), true);
        };
    }

    @Override
    public Answer invalid(String problem) {
        return detail(400, problem);
    }

    /**
     * A request to a queued request's URLs: {@code GET …/status}, {@code GET …} (the response), {@code PUT …/cancel},
     * {@code GET …/image} (the image file).
     */
    Answer queue(IncomingRequest request) {
        String rest = request.path().substring(QUEUE_PREFIX.length());
        String[] parts = rest.split("/");
        Job job = jobs.get(parts[0]);
        ModelBehaviour model = job == null ? null : models.apply(job.model());
        if (job == null || job.generation() != model.jobGeneration()) {
            return detail(404, "Request not found");
        }
        String what = parts.length > 1 ? parts[1] : "";
        if ("PUT".equals(request.method()) && "cancel".equals(what)) {
            model.recordCancel();
            if ((model.jobsHeld() || job.pendingLeft().get() > 0) && job.cancelled().compareAndSet(false, true)) {
                return Answer.json(202, Json.object().put("status", "CANCELLATION_REQUESTED"));
            }
            return Answer.json(400, Json.object().put("status", "ALREADY_COMPLETED"));
        }
        if ("status".equals(what)) {
            Fault fault = model.recordPoll();
            if (fault != null) {
                return fault(fault, FaultContext.of(model, model.hint()));
            }
            boolean pending = model.jobsHeld() || job.pendingLeft().getAndDecrement() > 0;
            return Answer.json(200, Json.object().put("status", pending ? "IN_QUEUE" : "COMPLETED")
                    .put("queue_position", 0));
        }
        if ("image".equals(what)) {
            return Answer.streamed(200, "image/png", job.image());
        }
        ObjectNode body = Json.object();
        body.putArray("images").addObject().put("url", "http://" + request.header("host") + QUEUE_PREFIX + parts[0]
                + "/image").put("content_type", "image/png");
        body.putArray("has_nsfw_concepts").add(job.flagged());
        return Answer.json(200, body);
    }

    private Answer queued(String model, AnswerBody image, boolean flagged) {
        String id = UUID.randomUUID().toString();
        ModelBehaviour behaviour = models.apply(model);
        jobs.put(id, new Job(model, image, flagged, new AtomicInteger(behaviour.pendingPollsPerJob()),
                new AtomicBoolean(), behaviour.jobGeneration()));
        String url = QUEUE_PREFIX + id;
        return Answer.json(200, Json.object().put("request_id", id).put("status_url", url + "/status")
                .put("response_url", url).put("cancel_url", url + "/cancel"));
    }

    private static Answer detail(int status, String message) {
        return Answer.bytes(status, "application/json",
                Json.write(Json.object().put("detail", message)));
    }
}
