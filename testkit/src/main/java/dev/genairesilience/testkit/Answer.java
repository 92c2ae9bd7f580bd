package dev.genairesilience.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the emulator sends back for one request: a status with headers and body, or a dropped connection. */
final class Answer {

    private static final Answer DROP = new Answer(0, Map.of(), AnswerBody.EMPTY);
    private static final String JSON = "application/json; charset=UTF-8";

    private final int status;
    private final Map<String, String> headers;
    private final AnswerBody body;

    private Answer(int status, Map<String, String> headers, AnswerBody body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    static Answer json(int status, JsonNode body) {
        return bytes(status, JSON, Json.write(body));
    }

    /** A JSON answer whose body is written as it is sent. */
    static Answer json(int status, AnswerBody body) {
        return streamed(status, JSON, body);
    }

    static Answer bytes(int status, String contentType, byte[] body) {
        return streamed(status, contentType, AnswerBody.of(body));
    }

    /** An answer whose body is written as it is sent. */
    static Answer streamed(int status, String contentType, AnswerBody body) {
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

    /** This answer with its body sent one byte per {@code perByte}, for at most {@code atMost}. */
    Answer trickled(Duration perByte, Duration atMost) {
        if (isDrop() || perByte.isZero()) {
            return this;
        }
        return new Answer(status, headers, new TrickledBody(body, perByte, atMost));
    }

    /** This answer with the writing of its body counted in {@code model}'s figures. */
    Answer countedFor(ModelBehaviour model) {
        return isDrop() ? this : new Answer(status, headers, new CountedBody(body, model));
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

    AnswerBody body() {
        return body;
    }
}
