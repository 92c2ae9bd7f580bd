package dev.genairesilience.testkit;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One generation call the emulator received, as it arrived.
 *
 * @param api        the API that was called
 * @param path       the request path, without the query
 * @param headers    request headers with lower-case names; several values of one header are joined by ", "
 * @param body       the request body as UTF-8 text
 * @param resolution the size class the call asked for, {@code 1K}, {@code 2K} or {@code 4K}, as its API's request
 *                   carries it (Gemini {@code imageSize}, OpenAI {@code size}, Hugging Face {@code width} and
 *                   {@code height}; 1K when it names none), or {@code null} when its body could not be read
 * @param receivedAt when the call arrived, by wall clock: orders the calls of several models
 */
public record RecordedCall(Api api, String path, Map<String, String> headers, String body, String resolution,
        Instant receivedAt) {

    private static final Set<String> SECRET_HEADERS =
            Set.of("authorization", "proxy-authorization", "x-goog-api-key", "api-key");

    /** Copies the headers, lower-casing their names. */
    public RecordedCall {
        Map<String, String> lowered = new TreeMap<>();
        headers.forEach((name, value) -> lowered.put(name.toLowerCase(Locale.ROOT), value));
        headers = Map.copyOf(lowered);
    }

    /** The value of a header, matched case-insensitively, or {@code null} when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Shows header names, hides credentials and the body (which holds the prompt). */
    @Override
    public String toString() {
        String shown = new TreeMap<>(headers).entrySet().stream()
                .map(e -> e.getKey() + "=" + (SECRET_HEADERS.contains(e.getKey()) ? "****" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        return "RecordedCall[api=" + api + ", path=" + path + ", headers=" + shown
                + ", body=<" + body.length() + " chars>, resolution=" + resolution + ", receivedAt=" + receivedAt + "]";
    }
}
