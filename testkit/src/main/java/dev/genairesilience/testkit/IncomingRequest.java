package dev.genairesilience.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as the dialects read it.
 *
 * @param path    the decoded path, without the query
 * @param query   the raw query, or {@code null}
 * @param headers header values by lower-case name, several values joined by ", "
 */
record IncomingRequest(String method, String path, String query, Map<String, String> headers, byte[] body) {

    static IncomingRequest of(String method, String path, String query, Map<String, List<String>> rawHeaders,
            byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        rawHeaders.forEach((name, values) -> {
            if (name != null) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values));
            }
        });
        return new IncomingRequest(method, path, query, headers, body);
    }

    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    /** The token of an {@code Authorization: Bearer} header, or {@code null}. */
    String bearerToken() {
        String auth = header("authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return auth.substring(7).trim();
    }

    /** The decoded value of a query parameter, or {@code null}. */
    String queryParameter(String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Shows method and path only: headers hold keys, the body holds the prompt. */
    @Override
    public String toString() {
        return "IncomingRequest[" + method + " " + path + "]";
    }
}
