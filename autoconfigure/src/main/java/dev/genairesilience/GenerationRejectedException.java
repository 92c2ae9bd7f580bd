package dev.genairesilience;

/**
 * The request itself is invalid (a 400-class answer, or a value the engine refuses before any call):
 * retrying cannot help. {@link #field()} names what is wrong.
 */
public class GenerationRejectedException extends RuntimeException {

    private final String field;
    private final int httpStatus;

    /** A request the engine refused before making any call. */
    public GenerationRejectedException(String field, String reason) {
        this(field, reason, 0);
    }

    /**
     * A request a provider refused.
     *
     * @param httpStatus the provider's status, or {@code 0} when no call was made
     */
    public GenerationRejectedException(String field, String reason, int httpStatus) {
        super("Invalid image request: " + (field == null ? "" : "'" + field + "' ") + reason);
        this.field = field;
        this.httpStatus = httpStatus;
    }

    /** The request field at fault ({@code prompt}, {@code resolution}, {@code aspectRatio}, {@code chain}…), or {@code null} when the provider did not say. */
    public String field() {
        return field;
    }

    /** The provider's HTTP status, or {@code 0} when the engine refused the request before any call. */
    public int httpStatus() {
        return httpStatus;
    }
}
