package dev.genairesilience.provider.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genairesilience.provider.http.ImageBytes;
import dev.genairesilience.provider.http.JsonBodies;
import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.spi.ProviderImage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * OpenAI's Images API ({@code POST /v1/images/generations}), or any gateway or host that speaks it (Azure OpenAI:
 * where it is and how a call is authorized is the {@link ImagesEndpoint}); and the free
 * {@code GET /v1/models/{model}} that reads a model's description.
 *
 * <p>A prompt its moderation refuses is answered 400 with {@code error.code} {@code moderation_blocked} (gpt-image
 * models) or {@code content_policy_violation} (DALL·E); like every non-2xx answer it leaves here as a
 * {@code ProviderHttpException}, and the failure classification reads the code as a content block (the codes and
 * the pages followed are in {@code failure.ProviderErrorBody}).
 */
final class OpenAiImagesApi {

    private static final String API = "OpenAI Images API";

    private final ProviderHttpClient http;
    private final ImagesEndpoint endpoint;
    private final String api;

    /** @param api the API's name for messages, such as {@code OpenAI Images API} */
    OpenAiImagesApi(ProviderHttpClient http, ImagesEndpoint endpoint, String api) {
        this.http = http;
        this.endpoint = endpoint;
        this.api = api;
    }

    /** OpenAI's own Images API at {@code baseUrl} (such as {@code https://api.openai.com}), key as a bearer token. */
    static OpenAiImagesApi openAi(ProviderHttpClient http, URI baseUrl, String apiKey) {
        return new OpenAiImagesApi(http, ImagesEndpoint.openAi(baseUrl, apiKey), API);
    }

    /**
     * Asks for one image.
     *
     * @param size          such as {@code 1024x1024}
     * @param askForBase64  whether to send {@code response_format: b64_json} (gpt-image models refuse it)
     */
    ProviderImage generate(String model, String prompt, String size, boolean askForBase64, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode body = JsonBodies.object();
        if (endpoint.modelInBody()) {
            body.put("model", model);
        }
        body.put("prompt", prompt).put("n", 1).put("size", size);
        if (askForBase64) {
            body.put("response_format", "b64_json");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.generations())
                .header("Content-Type", "application/json")
                .POST(JsonBodies.publisher(body));
        HttpResponse<byte[]> response = endpoint.credential().exchange(http, request, timeout);
        return image(response.statusCode(), JsonBodies.read(response, api));
    }

    /**
     * Reads the model's description ({@code GET /v1/models/{model}}): free, and it checks the key and the model id.
     *
     * @throws MalformedResponseException when the answer does not describe a model
     */
    void readModel(String model, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.models().resolve(
                URLEncoder.encode(model, StandardCharsets.UTF_8))).GET();
        HttpResponse<byte[]> response = endpoint.credential().exchange(http, request, timeout);
        if (!JsonBodies.read(response, api).path("id").isTextual()) {
            throw new MalformedResponseException(response.statusCode(), api + " model description without an id");
        }
    }

    private ProviderImage image(int status, JsonNode answer) {
        JsonNode data = answer.path("data");
        if (!data.isArray() || data.isEmpty()) {
            throw new MalformedResponseException(status, api + " answered without data[]");
        }
        JsonNode first = data.get(0);
        if (!first.hasNonNull("b64_json")) {
            throw new MalformedResponseException(status, api + " answered without data[0].b64_json"
                    + (first.hasNonNull("url") ? " (it sent a url instead)" : ""));
        }
        return ImageBytes.fromBase64(status, first.path("b64_json").asText(null), api + " data[0].b64_json");
    }
}
