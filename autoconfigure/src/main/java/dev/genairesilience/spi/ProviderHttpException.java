package dev.genairesilience.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A provider answered with a non-2xx status. Carries what classification needs: status, headers, body.
 * Its message holds only the status: bodies stay out of messages and logs.
 */
public class ProviderHttpException extends RuntimeException {

    private static final int MAX_BODY = 16 * 1024;

    private final int status;
    private final Map<String, List<String>> headers;
    private final String body;

    /**
     * @param headers response headers; names are matched case-insensitively
     * @param body    the response body as text (cut to 16 KiB), or empty
     */
    public ProviderHttpException(String provider, int status, Map<String, List<String>> headers, String body) {
        super("Provider '" + provider + "' answered HTTP " + status);
        this.status = status;
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> {
            if (k != null) {
                h.put(k, List.copyOf(v));
            }
        });
        this.headers = h;
        this.body = body == null ? "" : body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body;
    }

    public int status() {
        return status;
    }

    /** All headers, with case-insensitive names. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, case-insensitively. */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public String body() {
        return body;
    }
}
