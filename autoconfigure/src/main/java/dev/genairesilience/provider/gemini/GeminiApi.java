package dev.genairesilience.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genairesilience.provider.http.ImageBytes;
import dev.genairesilience.provider.http.JsonBodies;
import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.spi.ContentBlockedException;
import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.spi.ProviderImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Gemini API's {@code generateContent} method, as far as image generation needs it: the request in,
 * the first inline image of the answer out, or a {@link ContentBlockedException} when the answer says the
 * content policy refused it; and the free {@code models.get} method that reads the model's metadata.
 */
final class GeminiApi {

    private static final String API = "Gemini";

    private final ProviderHttpClient http;
    private final URI endpoint;
    private final URI metadata;
    private final String apiKey;

    /**
     * @param baseUrl such as {@code https://generativelanguage.googleapis.com}
     * @param model   the model id, with or without the {@code models/} prefix
     * @param apiKey  sent as {@code x-goog-api-key}; {@code null} sends none
     */
    GeminiApi(ProviderHttpClient http, URI baseUrl, String model, String apiKey) {
        this.http = http;
        String id = model.startsWith("models/") ? model.substring("models/".length()) : model;
        this.metadata = URI.create(stripSlash(baseUrl.toString()) + "/v1beta/models/" + id);
        this.endpoint = URI.create(metadata + ":generateContent");
        this.apiKey = apiKey;
    }

    /**
     * Asks for one image.
     *
     * @param aspectRatio such as {@code 16:9}, or {@code null} for the model's default
     * @param imageSize   {@code 1K}, {@code 2K} or {@code 4K}, or {@code null} for a model without sizes
     */
    ProviderImage generateImage(String prompt, String aspectRatio, String imageSize, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(JsonBodies.publisher(body(prompt, aspectRatio, imageSize)));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("x-goog-api-key", apiKey);
        }
        HttpResponse<byte[]> response = http.exchange(request, timeout);
        return image(response.statusCode(), JsonBodies.read(response, API));
    }

    /**
     * Reads the model's metadata ({@code GET /v1beta/models/{model}}): free, and it checks the key and the model id.
     *
     * @throws MalformedResponseException when the answer does not describe a model
     */
    void readModel(Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(metadata).GET();
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("x-goog-api-key", apiKey);
        }
        HttpResponse<byte[]> response = http.exchange(request, timeout);
        if (!JsonBodies.read(response, API).path("name").isTextual()) {
            throw new MalformedResponseException(response.statusCode(), "Gemini model metadata without a name");
        }
    }

    private static ObjectNode body(String prompt, String aspectRatio, String imageSize) {
        ObjectNode body = JsonBodies.object();
        body.putArray("contents").addObject().putArray("parts").addObject().put("text", prompt);
        ObjectNode config = body.putObject("generationConfig");
        config.putArray("responseModalities").add("TEXT").add("IMAGE");
        ObjectNode imageConfig = config.putObject("imageConfig");
        if (aspectRatio != null) {
            imageConfig.put("aspectRatio", aspectRatio);
        }
        if (imageSize != null) {
            imageConfig.put("imageSize", imageSize);
        }
        return body;
    }

    /**
     * The first inline image among the candidates' parts; the REST API answers camelCase, some proxies snake_case.
     * Without one, the answer is a content block when it gives a block reason (see {@link GeminiContentBlock}),
     * else malformed.
     */
    private static ProviderImage image(int status, JsonNode answer) {
        JsonNode candidates = answer.path("candidates");
        boolean anyCandidate = candidates.isArray() && !candidates.isEmpty();
        if (anyCandidate) {
            for (JsonNode candidate : candidates) {
                for (JsonNode part : candidate.path("content").path("parts")) {
                    JsonNode inline = part.has("inlineData") ? part.path("inlineData") : part.path("inline_data");
                    if (inline.isObject()) {
                        return ImageBytes.fromBase64(status, inline.path("data").asText(null),
                                "Gemini candidates[].content.parts[].inlineData.data");
                    }
                }
            }
        }
        String blockReason = GeminiContentBlock.reasonOf(answer);
        if (blockReason != null) {
            throw new ContentBlockedException(status, blockReason);
        }
        if (!anyCandidate) {
            throw new MalformedResponseException(status, "Gemini answered without candidates");
        }
        String finishReason = candidates.get(0).path("finishReason").asText("");
        throw new MalformedResponseException(status, "Gemini answered without an inlineData image part"
                + (finishReason.isEmpty() ? "" : " (finishReason " + finishReason + ")"));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
