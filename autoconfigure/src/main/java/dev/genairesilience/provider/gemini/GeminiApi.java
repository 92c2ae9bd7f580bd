package dev.genairesilience.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genairesilience.provider.http.ImageBytes;
import dev.genairesilience.provider.http.JsonBodies;
import dev.genairesilience.provider.http.ProviderCredential;
import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.spi.ContentBlockedException;
import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.spi.ProviderImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code generateContent} method of Gemini models, as far as image generation needs it: the request in, the
 * first inline image of the answer out, or a {@link ContentBlockedException} when the answer says the content policy
 * refused it; and, on the Gemini API, the free {@code models.get} method that reads the model's metadata. Where the
 * method is and how a call is authorized are parameters: the Gemini API with its key
 * ({@link #aiStudio}), or Vertex AI, whose {@code generateContent} takes and answers the same body, with a bearer
 * token ({@link #at}). Public for the {@code vertex-ai} provider type; not an API for applications.
 */
public final class GeminiApi {

    private final ProviderHttpClient http;
    private final URI endpoint;
    private final URI metadata;
    private final ProviderCredential credential;
    private final String api;

    private GeminiApi(ProviderHttpClient http, URI endpoint, URI metadata, ProviderCredential credential,
            String api) {
        this.http = Objects.requireNonNull(http, "http");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.metadata = metadata;
        this.credential = Objects.requireNonNull(credential, "credential");
        this.api = Objects.requireNonNull(api, "api");
    }

    /**
     * The Gemini API: {@code POST {baseUrl}/v1beta/models/{model}:generateContent} and its metadata GET, the key in
     * {@code x-goog-api-key}.
     *
     * @param baseUrl such as {@code https://generativelanguage.googleapis.com}
     * @param model   the model id, with or without the {@code models/} prefix
     * @param apiKey  sent as {@code x-goog-api-key}; {@code null} sends none
     */
    public static GeminiApi aiStudio(ProviderHttpClient http, URI baseUrl, String model, String apiKey) {
        String id = model.startsWith("models/") ? model.substring("models/".length()) : model;
        URI metadata = URI.create(stripSlash(baseUrl.toString()) + "/v1beta/models/" + id);
        return new GeminiApi(http, URI.create(metadata + ":generateContent"), metadata,
                ProviderCredential.key("x-goog-api-key", "", apiKey), "Gemini");
    }

    /**
     * {@code generateContent} at {@code endpoint} (its full URL), authorized by {@code credential}, with no metadata
     * read.
     *
     * @param api the API's name for messages, such as {@code Vertex AI}
     */
    public static GeminiApi at(ProviderHttpClient http, URI endpoint, ProviderCredential credential, String api) {
        return new GeminiApi(http, endpoint, null, credential, api);
    }

    /**
     * Asks for one image.
     *
     * @param aspectRatio such as {@code 16:9}, or {@code null} for the model's default
     * @param imageSize   {@code 1K}, {@code 2K} or {@code 4K}, or {@code null} for a model without sizes
     */
    public ProviderImage generateImage(String prompt, String aspectRatio, String imageSize, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(JsonBodies.publisher(body(prompt, aspectRatio, imageSize)));
        HttpResponse<byte[]> response = credential.exchange(http, request, timeout);
        return image(response.statusCode(), JsonBodies.read(response, api));
    }

    /** Whether this API has the free metadata read of {@link #readModel}. */
    public boolean readsModel() {
        return metadata != null;
    }

    /**
     * Reads the model's metadata ({@code GET /v1beta/models/{model}}): free, and it checks the key and the model id.
     *
     * @throws MalformedResponseException    when the answer does not describe a model
     * @throws UnsupportedOperationException when this API has no metadata read ({@link #readsModel()})
     */
    public void readModel(Duration timeout) throws IOException, InterruptedException {
        if (metadata == null) {
            throw new UnsupportedOperationException(api + " has no model metadata read here");
        }
        HttpResponse<byte[]> response = credential.exchange(http, HttpRequest.newBuilder(metadata).GET(), timeout);
        if (!JsonBodies.read(response, api).path("name").isTextual()) {
            throw new MalformedResponseException(response.statusCode(), api + " model metadata without a name");
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
    private ProviderImage image(int status, JsonNode answer) {
        JsonNode candidates = answer.path("candidates");
        boolean anyCandidate = candidates.isArray() && !candidates.isEmpty();
        if (anyCandidate) {
            for (JsonNode candidate : candidates) {
                for (JsonNode part : candidate.path("content").path("parts")) {
                    JsonNode inline = part.has("inlineData") ? part.path("inlineData") : part.path("inline_data");
                    if (inline.isObject()) {
                        return ImageBytes.fromBase64(status, inline.path("data").asText(null),
                                api + " candidates[].content.parts[].inlineData.data");
                    }
                }
            }
        }
        String blockReason = GeminiContentBlock.reasonOf(answer);
        if (blockReason != null) {
            throw new ContentBlockedException(status, blockReason);
        }
        if (!anyCandidate) {
            throw new MalformedResponseException(status, api + " answered without candidates");
        }
        String finishReason = candidates.get(0).path("finishReason").asText("");
        throw new MalformedResponseException(status, api + " answered without an inlineData image part"
                + (finishReason.isEmpty() ? "" : " (finishReason " + finishReason + ")"));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
