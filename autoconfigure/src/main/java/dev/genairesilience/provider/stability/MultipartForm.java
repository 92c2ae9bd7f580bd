package dev.genairesilience.provider.stability;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A {@code multipart/form-data} body of text fields, as the JDK's HTTP client has no builder for one. */
final class MultipartForm {

    private final String boundary = "genai-" + UUID.randomUUID();
    private final Map<String, String> fields = new LinkedHashMap<>();

    MultipartForm field(String name, String value) {
        fields.put(name, value);
        return this;
    }

    /** The {@code Content-Type} header that names the boundary. */
    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    HttpRequest.BodyPublisher publisher() {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        return HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
    }
}
