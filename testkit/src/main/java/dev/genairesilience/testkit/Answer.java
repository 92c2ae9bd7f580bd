package dev.genairesilience.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the emulator sends back for one request: a status with headers and body, or a dropped connection. */
final class Answer {

    private static final Answer DROP = new Answer(0, Map.of(), new byte[0]);

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    private Answer(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    static Answer json(int status, JsonNode body) {
        return bytes(status, "application/json; charset=UTF-8", Json.write(body));
    }

    static Answer bytes(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        return new Answer(status, headers, body);
    }

    /** The HTML error page a reverse proxy in front of an API answers with. */
    static Answer gatewayPage(int status, String reason) {
        String title = status + " " + reason;
        String html = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n</body>\r\n</html>\r\n";
        return bytes(status, "text/html", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Close the connection without answering. */
    static Answer drop() {
        return DROP;
    }

    /** A copy of this answer with one more header. */
    Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, more, body);
    }

    boolean isDrop() {
        return this == DROP;
    }

    int status() {
        return status;
    }

    Map<String, String> headers() {
        return headers;
    }

    byte[] body() {
        return body;
    }
}
