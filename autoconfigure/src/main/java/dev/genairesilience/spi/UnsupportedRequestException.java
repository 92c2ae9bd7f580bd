package dev.genairesilience.spi;

/**
 * A provider cannot express the request in its API (an aspect ratio or size it cannot map, a field it refuses):
 * thrown before anything is sent. It is the caller's request at fault, not the provider's health, so the engine
 * turns it into a rejection naming {@link #field()} and never counts it against the provider.
 */
public class UnsupportedRequestException extends RuntimeException {

    private final String field;

    /**
     * @param field  the request field at fault, such as {@code aspectRatio} or {@code resolution}
     * @param reason what is wrong with it, never the prompt
     */
    public UnsupportedRequestException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    /** The request field at fault. */
    public String field() {
        return field;
    }
}
