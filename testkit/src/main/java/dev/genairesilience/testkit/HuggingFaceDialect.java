package dev.genairesilience.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hugging Face Inference API: {@code POST /models/{owner/name}}, raw PNG bytes back. A call's image is
 * {@code parameters.width} × {@code height} (a side it does not give is 1024; one over {@value ImageSize#MAX_SIDE} is
 * a 400), its size class that of the longer side.
 */
final class HuggingFaceDialect implements Dialect {

    private static final String PREFIX = "/models/";
    // a blocked answer names no call; it is drawn at the pipelines' default size
    private static final byte[] BLACK_PNG = new PngRenderer().black(ImageSize.DEFAULT);

    @Override
    public Api api() {
        return Api.HUGGINGFACE;
    }

    @Override
    public boolean servesPath(String path) {
        return path.startsWith(PREFIX) && path.length() > PREFIX.length();
    }

    @Override
    public IncomingCall parse(IncomingRequest request) {
        String model = request.path().substring(PREFIX.length());
        String key = request.bearerToken();
        JsonNode body = Json.readOrNull(request.body());
        if (body == null || !body.path("inputs").isTextual() || body.path("inputs").asText().isBlank()) {
            return IncomingCall.invalid(model, key, "Input should be a valid string: 'inputs' is required");
        }
        boolean wait = "true".equalsIgnoreCase(request.header("x-wait-for-model"));
        JsonNode parameters = body.path("parameters");
        int width = side(parameters.path("width"));
        int height = side(parameters.path("height"));
        if (!ImageSize.fits(width) || !ImageSize.fits(height)) {
            return IncomingCall.invalid(model, key, "Input validation error: width and height must be at most "
                    + ImageSize.MAX_SIDE);
        }
        ImageSize size = new ImageSize(width, height);
        return IncomingCall.valid(model, body.path("inputs").asText(), key, wait,
                Resolutions.ofLongSide(size.longSide()), size);
    }

    /** A side the call asks for; the diffusion pipelines' default, 1024, when it names none. */
    private static int side(JsonNode value) {
        int pixels = value.asInt(0);
        return pixels > 0 ? pixels : ImageSize.DEFAULT.width();
    }

    @Override
    public Answer success(IncomingCall call, byte[] png) {
        return Answer.bytes(200, "image/png", png);
    }

    @Override
    public Answer oversized(IncomingCall call, byte[] png, OversizedAnswer oversized) {
        return Answer.streamed(200, "image/png", OversizedBody.raw(png, oversized));
    }

    @Override
    public Answer fault(Fault fault, FaultContext context) {
        return switch (fault) {
            case OVERLOADED -> error(503, "Model " + context.model() + " is overloaded, please try again later")
                    .withHeader("Retry-After", context.retryAfter());
            case LOADING -> loading(context);
            case RATE_LIMITED -> error(429, "Rate limit reached. You reached free usage limit (reset hourly). "
                    + "Please subscribe to a plan at https://huggingface.co/pricing to use the API at this rate")
                    .withHeader("Retry-After", context.retryAfter());
            case BAD_REQUEST -> invalid("Bad request: the emulator was scripted to reject it.");
            case UNPROCESSABLE -> error(422, "Input validation error: the inputs cannot be processed");
            case UNAUTHORIZED -> error(401, "Invalid credentials in Authorization header");
            case FORBIDDEN -> error(403, "The token does not have permission to call Inference Providers");
            case OUT_OF_CREDITS -> error(402, "You have exceeded your monthly included credits for Inference "
                    + "Providers. Subscribe to PRO to get 20x more monthly included credits.");
            case NOT_FOUND -> error(404, "Model " + context.model() + " does not exist");
            case SERVER_ERROR -> error(500, "Internal Server Error");
            case BAD_GATEWAY -> Answer.gatewayPage(502, "Bad Gateway");
            case GATEWAY_TIMEOUT -> Answer.gatewayPage(504, "Gateway Time-out");
            case MALFORMED -> nullError();
            case DROP_CONNECTION -> Answer.drop();
            // no block answer is documented; the diffusers safety checker puts a black image in a flagged one's place
            case CONTENT_BLOCKED, PROMPT_BLOCKED -> Answer.bytes(200, "image/png", BLACK_PNG);
        };
    }

    @Override
    public Answer invalid(String problem) {
        return error(400, problem);
    }

    private static Answer loading(FaultContext context) {
        ObjectNode body = Json.object()
                .put("error", "Model " + context.model() + " is currently loading")
                .put("estimated_time", HintFormat.seconds(context.estimatedTime()));
        return Answer.json(503, body);
    }

    /** A 200 with JSON instead of the image bytes. */
    private static Answer nullError() {
        ObjectNode body = Json.object();
        body.putNull("error");
        return Answer.json(200, body);
    }

    private static Answer error(int status, String message) {
        return Answer.json(status, Json.object().put("error", message));
    }
}
