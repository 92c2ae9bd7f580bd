package dev.genairesilience.spi;

/**
 * The provider's content policy refused the prompt (or the image it drew): nothing usable was generated and
 * asking the same provider again with the same prompt cannot help. Thrown by a provider when its answer says
 * so; the engine classifies it as {@code CONTENT_BLOCKED}, which never counts against the provider's health.
 * The message carries the provider's reason code (such as {@code IMAGE_SAFETY}), never the prompt.
 */
public class ContentBlockedException extends RuntimeException {

    private final int status;
    private final String reason;

    /**
     * @param status the HTTP status the block came with (Gemini blocks with {@code 200}, OpenAI with {@code 400})
     * @param reason the provider's reason code, such as {@code IMAGE_SAFETY} or {@code moderation_blocked}
     */
    public ContentBlockedException(int status, String reason) {
        super(describe(reason));
        this.status = status;
        this.reason = reason;
    }

    /**
     * How a block with {@code reason} is described, here and wherever else a block is classified (an HTTP error
     * body that names one), so that every block reads the same.
     */
    public static String describe(String reason) {
        return "the provider's content policy refused the prompt (" + reason + ")";
    }

    /** The HTTP status the block came with. */
    public int status() {
        return status;
    }

    /** The provider's reason code. */
    public String reason() {
        return reason;
    }
}
