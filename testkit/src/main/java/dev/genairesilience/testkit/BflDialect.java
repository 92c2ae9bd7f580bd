package dev.genairesilience.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Black Forest Labs' FLUX API: {@code POST /v1/{model}} (a {@code flux-…} endpoint) with the key in {@code x-key}
 * and {@code {prompt, width, height}} answers {@code {id, polling_url}}; {@code GET /v1/get_result?id=…} answers the
 * job's {@code status}: {@code Pending} for as many polls as the model's {@link ModelBehaviour#pendingPolls(int)},
 * then {@code Ready} with {@code result.sample}, a URL of the image on this emulator; a prompt the script blocks
 * gives a job that is {@code Request Moderated} (or {@code Content Moderated} for a blocked image); an unknown id (or
 * a {@link ModelBehaviour#forgetJobs() forgotten} job's) is {@code Task not found}. Errors are FastAPI's
 * {@code {"detail": …}}; 402 when out of credits; 429 with {@code Retry-After}. A call's size class is its
 * {@code width} and {@code height}'s longer side.
 */
final class BflDialect implements Dialect {

    private static final Pattern SUBMIT = Pattern.compile("/v1/(flux-[^/]+)");
    static final String POLL_PATH = "/v1/get_result";
    static final String DELIVERY_PREFIX = "/bfl/delivery/";

    private final Function<String, ModelBehaviour> models;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    /**
     * A submitted job: its model, its image (or the moderation status it ends in), its polls left as Pending, and
     * the model's {@link ModelBehaviour#forgetJobs() generation} it belongs to.
     */
    private record Job(String model, AnswerBody image, String moderated, AtomicInteger pendingLeft, int generation) {

        boolean known(ModelBehaviour behaviour) {
            return generation == behaviour.jobGeneration();
        }
    }

    BflDialect(Function<String, ModelBehaviour> models) {
        this.models = models;
    }

    @Override
    public Api api() {
        return Api.BFL;
    }

    @Override
    public boolean servesPath(String path) {
        return SUBMIT.matcher(path).matches();
    }

    @Override
    public IncomingCall parse(IncomingRequest request) {
        String key = request.header("x-key");
        Matcher m = SUBMIT.matcher(request.path());
        String model = m.matches() ? m.group(1) : null;
        JsonNode body = Json.readOrNull(request.body());
        if (body == null || !body.isObject()) {
            return IncomingCall.invalid(model, key, "Invalid JSON body");
        }
        if (!body.path("prompt").isTextual() || body.path("prompt").asText().isBlank()) {
            return IncomingCall.invalid(model, key, "prompt: Field required");
        }
        int width = body.path("width").asInt(1024);
        int height = body.path("height").asInt(1024);
        if (width % 16 != 0 || height % 16 != 0 || (long) width * height > 4_000_000L || width < 64 || height < 64) {
            return IncomingCall.invalid(model, key, "width and height must be multiples of 16, at least 64, and at "
                    + "most 4 megapixels together; were " + width + "x" + height);
        }
        return IncomingCall.valid(model, body.path("prompt").asText(), key, false,
                Resolutions.ofLongSide(Math.max(width, height)), new ImageSize(width, height));
    }

    @Override
    public Answer success(IncomingCall call, byte[] png) {
        return accepted(call.model(), AnswerBody.of(png), null);
    }

    @Override
    public Answer oversized(IncomingCall call, byte[] png, OversizedAnswer oversized) {
        // the image is fetched from the delivery URL: the oversized answer is the image itself
        return accepted(call.model(), OversizedBody.raw(png, oversized), null);
    }

    @Override
    public Answer fault(Fault fault, FaultContext context) {
        return switch (fault) {
            case OVERLOADED, LOADING -> withRetryAfter(detail(503, "Service temporarily unavailable, please retry"),
                    context);
            case RATE_LIMITED -> withRetryAfter(detail(429, "You have exceeded the number of active tasks (24). "
                    + "Please wait for a task to finish."), context);
            case BAD_REQUEST -> invalid("Invalid request: the emulator was scripted to reject it.");
            case UNPROCESSABLE -> detail(422, "Unprocessable request");
            case UNAUTHORIZED -> detail(401, "Not authenticated - Invalid Authentication");
            case FORBIDDEN -> detail(403, "Forbidden");
            case OUT_OF_CREDITS -> detail(402, "Insufficient credits. Please add credits at https://dashboard.bfl.ai");
            case NOT_FOUND -> detail(404, "Not Found");
            case SERVER_ERROR -> detail(500, "Internal Server Error");
            case BAD_GATEWAY -> Answer.gatewayPage(502, "Bad Gateway");
            case GATEWAY_TIMEOUT -> Answer.gatewayPage(504, "Gateway Time-out");
            case MALFORMED -> Answer.json(200, Json.object().put("id", UUID.randomUUID().toString()));
            case DROP_CONNECTION -> Answer.drop();
            case PROMPT_BLOCKED -> accepted(context.model(), null, "Request Moderated");
            case CONTENT_BLOCKED -> accepted(context.model(), null, "Content Moderated");
        };
    }

    @Override
    public Answer invalid(String problem) {
        return detail(400, problem);
    }

    /** A poll of a job: its status, or the fault its model's script has the poll answer instead. */
    Answer poll(IncomingRequest request) {
        String id = request.queryParameter("id");
        Job job = id == null ? null : jobs.get(id);
        ModelBehaviour model = job == null ? null : models.apply(job.model());
        if (job == null || !job.known(model)) {
            return status(id, "Task not found");
        }
        Fault fault = model.recordPoll();
        if (fault != null) {
            return fault(fault, FaultContext.of(model, model.hint()));
        }
        if (model.jobsHeld() || job.pendingLeft().getAndDecrement() > 0) {
            return status(id, "Pending");
        }
        if (job.moderated() != null) {
            return status(id, job.moderated());
        }
        ObjectNode body = Json.object().put("id", id).put("status", "Ready");
        body.putObject("result").put("sample", "http://" + request.header("host") + DELIVERY_PREFIX + id + ".png")
                .put("seed", 42);
        return Answer.json(200, body);
    }

    /** The image of a Ready job, as its signed URL serves it. */
    Answer delivery(String path) {
        String name = path.substring(DELIVERY_PREFIX.length());
        Job job = jobs.get(name.endsWith(".png") ? name.substring(0, name.length() - 4) : name);
        if (job == null || job.image() == null || !job.known(models.apply(job.model()))) {
            return Answer.bytes(404, "text/plain; charset=UTF-8", "Not found".getBytes(StandardCharsets.UTF_8));
        }
        return Answer.streamed(200, "image/png", job.image());
    }

    private Answer accepted(String model, AnswerBody image, String moderated) {
        String id = UUID.randomUUID().toString();
        ModelBehaviour behaviour = models.apply(model);
        jobs.put(id, new Job(model, image, moderated, new AtomicInteger(behaviour.pendingPollsPerJob()),
                behaviour.jobGeneration()));
        return Answer.json(200, Json.object().put("id", id).put("polling_url", POLL_PATH + "?id=" + id));
    }

    private static Answer status(String id, String status) {
        ObjectNode body = Json.object().put("id", id).put("status", status);
        body.putNull("result");
        return Answer.json(200, body);
    }

    private static Answer withRetryAfter(Answer answer, FaultContext context) {
        return answer.withHeader("retry-after", context.retryAfter());
    }

    private static Answer detail(int status, String message) {
        return Answer.json(status, Json.object().put("detail", message));
    }
}
