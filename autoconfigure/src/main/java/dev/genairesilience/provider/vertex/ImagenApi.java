package dev.genairesilience.provider.vertex;

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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imagen's {@code :predict} on Vertex AI, one image per call. Followed: the Vertex AI "Imagen API" model reference
 * ({@code cloud.google.com/vertex-ai/generative-ai/docs/model-reference/imagen-api}), its REST type
 * {@code VisionGenerativeModelParams} and "Set output resolution" (all 2025, Imagen 4 GA models):
 * <ul>
 *   <li>request {@code {"instances":[{"prompt"}],"parameters":{"sampleCount":1,"aspectRatio","sampleImageSize",
 *       "includeRaiReason":true}}}, {@code sampleImageSize} ({@code 1K} or {@code 2K}) only for the models that take
 *       it;</li>
 *   <li>answer {@code {"predictions":[{"mimeType","bytesBase64Encoded"}]}}; an image the Responsible AI filter
 *       removed comes back, since {@code includeRaiReason} is asked for, as a prediction with a
 *       {@code raiFilteredReason} and no bytes: a content block. That reason is prose, so only its support codes (the
 *       numbers Google's troubleshooting page lists) are kept for the message, never the text, which may quote the
 *       prompt. An answer with neither is malformed.</li>
 * </ul>
 * A prompt the filter refuses before drawing is answered {@code 400 INVALID_ARGUMENT} with prose only: it stays a
 * bad request (never retried, never counted against the provider), like every non-2xx answer left to the failure
 * classification as a {@code ProviderHttpException}.
 */
final class ImagenApi {

    private static final String API = "Vertex AI Imagen";
    private static final String RAI_FILTERED = "RAI_FILTERED";
    private static final Pattern SUPPORT_CODE = Pattern.compile("\\b\\d{8}\\b");
    private static final int MAX_SUPPORT_CODES = 3;

    private final ProviderHttpClient http;
    private final URI predict;
    private final ProviderCredential credential;

    ImagenApi(ProviderHttpClient http, URI predict, ProviderCredential credential) {
        this.http = http;
        this.predict = predict;
        this.credential = credential;
    }

    /**
     * Asks for one image.
     *
     * @param aspectRatio such as {@code 16:9}, or {@code null} for the model's default
     * @param imageSize   {@code 1K} or {@code 2K}, or {@code null} for a model that takes no size
     */
    ProviderImage generateImage(String prompt, String aspectRatio, String imageSize, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode body = JsonBodies.object();
        body.putArray("instances").addObject().put("prompt", prompt);
        ObjectNode parameters = body.putObject("parameters").put("sampleCount", 1).put("includeRaiReason", true);
        if (aspectRatio != null) {
            parameters.put("aspectRatio", aspectRatio);
        }
        if (imageSize != null) {
            parameters.put("sampleImageSize", imageSize);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(predict)
                .header("Content-Type", "application/json")
                .POST(JsonBodies.publisher(body));
        HttpResponse<byte[]> response = credential.exchange(http, request, timeout);
        return image(response.statusCode(), JsonBodies.read(response, API));
    }

    private static ProviderImage image(int status, JsonNode answer) {
        JsonNode predictions = answer.path("predictions");
        String filtered = null;
        for (JsonNode prediction : predictions.isArray() ? predictions : List.<JsonNode>of()) {
            if (prediction.hasNonNull("bytesBase64Encoded")) {
                return ImageBytes.fromBase64(status, prediction.path("bytesBase64Encoded").asText(null),
                        API + " predictions[].bytesBase64Encoded");
            }
            if (filtered == null && prediction.path("raiFilteredReason").isTextual()) {
                filtered = prediction.path("raiFilteredReason").asText();
            }
        }
        if (filtered != null) {
            throw new ContentBlockedException(status, reasonCode(filtered));
        }
        throw new MalformedResponseException(status, API + " answered without predictions[].bytesBase64Encoded");
    }

    /** {@code RAI_FILTERED}, with the support codes the reason quotes, such as {@code RAI_FILTERED 58061214}. */
    static String reasonCode(String raiFilteredReason) {
        List<String> codes = new ArrayList<>();
        Matcher m = SUPPORT_CODE.matcher(raiFilteredReason);
        while (m.find() && codes.size() < MAX_SUPPORT_CODES) {
            codes.add(m.group());
        }
        return codes.isEmpty() ? RAI_FILTERED : RAI_FILTERED + " " + String.join(" ", codes);
    }
}
