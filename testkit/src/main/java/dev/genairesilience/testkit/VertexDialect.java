package dev.genairesilience.testkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gemini models on Vertex AI:
 * {@code POST /v1/projects/{project}/locations/{location}/publishers/google/models/{model}:generateContent}, for a
 * region and for {@code global} alike (the host, which differs, is the emulator's), with the bearer token as the
 * model's key. The body, the image answer and the content blocks are the Gemini API's (see {@link GeminiDialect});
 * the errors Vertex AI's (see {@link VertexFaults}).
 */
final class VertexDialect implements Dialect {

    static final String MODELS = "/v1/projects/([^/]+)/locations/([a-z0-9-]+)/publishers/google/models/([^/:]+)";

    private static final Pattern GENERATE = Pattern.compile(MODELS + ":generateContent");

    private final GeminiDialect gemini;

    VertexDialect(GeminiDialect gemini) {
        this.gemini = gemini;
    }

    @Override
    public Api api() {
        return Api.VERTEX_AI;
    }

    @Override
    public boolean servesPath(String path) {
        return GENERATE.matcher(path).matches();
    }

    @Override
    public IncomingCall parse(IncomingRequest request) {
        Matcher m = GENERATE.matcher(request.path());
        return gemini.parse(m.matches() ? m.group(3) : null, request.bearerToken(), request.body());
    }

    @Override
    public Answer success(IncomingCall call, byte[] png) {
        return gemini.success(call, png);
    }

    @Override
    public Answer oversized(IncomingCall call, byte[] png, OversizedAnswer oversized) {
        return gemini.oversized(call, png, oversized);
    }

    @Override
    public Answer fault(Fault fault, FaultContext context) {
        return switch (fault) {
            case MALFORMED -> gemini.textOnly();
            case CONTENT_BLOCKED -> GeminiDialect.imageBlocked(context);
            case PROMPT_BLOCKED -> GeminiDialect.promptBlocked(context);
            default -> VertexFaults.answer(fault, context);
        };
    }

    @Override
    public Answer invalid(String problem) {
        return VertexFaults.invalid(problem);
    }
}
