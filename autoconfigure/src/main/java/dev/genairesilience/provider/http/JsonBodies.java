package dev.genairesilience.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genairesilience.spi.MalformedResponseException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * JSON request and response bodies of the provider APIs. A private mapper, not the application's: the wire
 * format must not change with the application's Jackson customisations.
 */
public final class JsonBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBodies() {
    }

    /** A new, empty JSON object to build a request body in. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** {@code body} as a request body. */
    public static HttpRequest.BodyPublisher publisher(JsonNode body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            // a tree of plain nodes always serialises
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads back a JSON object this project wrote itself, such as a job handle's value.
     *
     * @param what what it is, for the message
     * @throws IllegalArgumentException when it is not a JSON object (the message never quotes it: it may hold
     *                                  signed URLs)
     */
    public static JsonNode readObject(String json, String what) {
        try {
            JsonNode root = json == null ? null : JSON.readTree(json);
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (IOException e) {
            // the parser's message quotes the text: not kept
        }
        throw new IllegalArgumentException(what + " is not a JSON object");
    }

    /**
     * Reads a 2xx answer's body as JSON.
     *
     * @throws MalformedResponseException when the body is empty or not JSON (the message names the API, never the body)
     */
    public static JsonNode read(HttpResponse<byte[]> response, String api) {
        byte[] body = response.body();
        if (body == null || body.length == 0) {
            throw new MalformedResponseException(response.statusCode(), api + " answered with an empty body");
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new MalformedResponseException(response.statusCode(), api + " answered with an empty body");
            }
            return root;
        } catch (IOException e) {
            // the parser's message quotes the body, so it is not kept as the cause
            throw new MalformedResponseException(response.statusCode(), api + " answered with a body that is not JSON");
        }
    }
}
