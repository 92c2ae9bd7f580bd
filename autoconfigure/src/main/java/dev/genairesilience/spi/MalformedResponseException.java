package dev.genairesilience.spi;

/**
 * A provider answered 2xx but the body is not what its API documents (no image, bad JSON, bad base64, larger
 * than {@code genai.http.max-response-size}). The message says what was wrong; it never contains the body.
 */
public class MalformedResponseException extends RuntimeException {

    private final int status;

    public MalformedResponseException(int status, String whatIsWrong) {
        super(whatIsWrong);
        this.status = status;
    }

    public MalformedResponseException(int status, String whatIsWrong, Throwable cause) {
        super(whatIsWrong, cause);
        this.status = status;
    }

    /** The 2xx status the malformed body came with. */
    public int status() {
        return status;
    }
}
