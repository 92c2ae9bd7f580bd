package dev.genairesilience.provider.huggingface;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genairesilience.provider.http.ImageBytes;
import dev.genairesilience.provider.http.JsonBodies;
import dev.genairesilience.spi.PixelSize;
import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.spi.ProviderImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Hugging Face's Inference API for a text-to-image model: JSON in, raw image bytes out.
 *
 * <p>No content block is recognised: the text-to-image task page of Inference Providers
 * ({@code huggingface.co/docs/inference-providers/tasks/text-to-image}, as of 2025) documents the raw image as the
 * only answer and no safety refusal. Models served with the diffusers safety checker answer a flagged image with
 * an all-black one, which is indistinguishable from a drawn image and so is delivered.
 */
final class HuggingFaceInferenceApi {

    private static final String API = "Hugging Face Inference API";

    private final ProviderHttpClient http;
    private final URI endpoint;
    private final String apiKey;

    /**
     * @param baseUrl such as {@code https://router.huggingface.co/hf-inference}
     * @param model   the repository id, such as {@code stabilityai/stable-diffusion-xl-base-1.0}
     * @param apiKey  sent as a bearer token; {@code null} sends none
     */
    HuggingFaceInferenceApi(ProviderHttpClient http, URI baseUrl, String model, String apiKey) {
        this.http = http;
        String base = baseUrl.toString();
        this.endpoint = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/models/"
                + model);
        this.apiKey = apiKey;
    }

    /**
     * Asks for one image.
     *
     * @param waitForModel send {@code x-wait-for-model: true}, so a cold model holds the call until it is
     *                     loaded instead of answering 503 at once
     */
    ProviderImage textToImage(String prompt, PixelSize size, boolean waitForModel, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode body = JsonBodies.object().put("inputs", prompt);
        body.putObject("parameters").put("width", size.width()).put("height", size.height());
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .header("Accept", "image/png")
                .POST(JsonBodies.publisher(body));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (waitForModel) {
            request.header("x-wait-for-model", "true");
        }
        HttpResponse<byte[]> response = http.exchange(request, timeout);
        return image(response);
    }

    private static ProviderImage image(HttpResponse<byte[]> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!contentType.isEmpty() && !contentType.startsWith("image/")) {
            throw new MalformedResponseException(response.statusCode(),
                    API + " answered " + contentType.split(";")[0].trim() + " instead of an image");
        }
        return ImageBytes.fromBytes(response.statusCode(), response.body(), API + " image body");
    }
}
