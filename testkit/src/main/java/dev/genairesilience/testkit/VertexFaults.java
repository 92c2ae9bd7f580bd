package dev.genairesilience.testkit;

/**
 * Vertex AI's answers to the faults both its methods share ({@code generateContent} and {@code predict}), in
 * Google's error format {@code {"error":{"code","message","status"}}} with Vertex's wording; a spent quota is
 * {@code 429 RESOURCE_EXHAUSTED} with {@code Retry-After}.
 */
final class VertexFaults {

    private VertexFaults() {
    }

    /** The answer to {@code fault}, or {@code null} for the faults whose answer depends on the method. */
    static Answer answer(Fault fault, FaultContext context) {
        return switch (fault) {
            case OVERLOADED, LOADING -> GeminiDialect.error(503, "UNAVAILABLE",
                    "The model is overloaded. Please try again later.");
            case RATE_LIMITED -> GeminiDialect.error(429, "RESOURCE_EXHAUSTED", "Resource exhausted. Please try "
                    + "again later. Please refer to "
                    + "https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429 for more details.")
                    .withHeader("Retry-After", context.retryAfter());
            case BAD_REQUEST -> invalid("Request contains an invalid argument.");
            case UNPROCESSABLE -> GeminiDialect.error(422, "INVALID_ARGUMENT",
                    "Unable to process the input of the request.");
            case UNAUTHORIZED -> unauthenticated();
            case FORBIDDEN, OUT_OF_CREDITS -> GeminiDialect.error(403, "PERMISSION_DENIED", "Permission "
                    + "'aiplatform.endpoints.predict' denied on resource '//aiplatform.googleapis.com/projects/"
                    + "emulated/locations/us-central1/publishers/google/models/" + context.model()
                    + "' (or it may not exist).");
            case NOT_FOUND -> GeminiDialect.error(404, "NOT_FOUND", "Publisher Model `projects/emulated/locations/"
                    + "us-central1/publishers/google/models/" + context.model() + "` was not found or your project "
                    + "does not have access to it.");
            case SERVER_ERROR -> GeminiDialect.error(500, "INTERNAL", "Internal error encountered.");
            case BAD_GATEWAY -> Answer.gatewayPage(502, "Bad Gateway");
            case GATEWAY_TIMEOUT -> GeminiDialect.error(504, "DEADLINE_EXCEEDED", "Deadline expired before operation "
                    + "could complete.");
            case DROP_CONNECTION -> Answer.drop();
            case MALFORMED, CONTENT_BLOCKED, PROMPT_BLOCKED -> null;
        };
    }

    /** 400 {@code INVALID_ARGUMENT} saying {@code problem}. */
    static Answer invalid(String problem) {
        return GeminiDialect.error(400, "INVALID_ARGUMENT", problem);
    }

    /** The 401 of a call without a valid bearer token. */
    static Answer unauthenticated() {
        return GeminiDialect.error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials. "
                + "Expected OAuth 2 access token, login cookie or other valid authentication credential. See "
                + "https://developers.google.com/identity/sign-in/web/devconsole-project.");
    }
}
