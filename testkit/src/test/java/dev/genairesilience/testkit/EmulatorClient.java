package dev.genairesilience.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;

/** Calls the emulator the way each provider's client would, with the JDK HTTP client. */
final class EmulatorClient {

    static final String GEMINI_MODEL = "gemini-2.5-flash-image";
    static final String OPENAI_MODEL = "gpt-image-1";
    static final String HF_MODEL = "stabilityai/stable-diffusion-xl-base-1.0";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI base;

    EmulatorClient(ProviderEmulator emulator) {
        this.base = emulator.baseUrl();
    }

    HttpResponse<byte[]> gemini(String model, String key, String prompt) throws IOException, InterruptedException {
        return send(geminiRequest(model, key, prompt));
    }

    HttpRequest geminiRequest(String model, String key, String prompt) {
        return geminiRequest(model, key, prompt, "2K");
    }

    /** A Gemini call asking for {@code imageSize}, or for no size when it is {@code null}, at 16:9. */
    HttpRequest geminiRequest(String model, String key, String prompt, String imageSize) {
        return geminiRequest(model, key, prompt, imageSize, "16:9");
    }

    /** A Gemini call asking for {@code imageSize} and {@code aspectRatio}, each left out when it is {@code null}. */
    HttpRequest geminiRequest(String model, String key, String prompt, String imageSize, String aspectRatio) {
        List<String> config = new ArrayList<>();
        if (aspectRatio != null) {
            config.add("\"aspectRatio\":" + quote(aspectRatio));
        }
        if (imageSize != null) {
            config.add("\"imageSize\":" + quote(imageSize));
        }
        String body = "{\"contents\":[{\"parts\":[{\"text\":" + quote(prompt) + "}]}],"
                + "\"generationConfig\":{\"responseModalities\":[\"TEXT\",\"IMAGE\"],"
                + "\"imageConfig\":{" + String.join(",", config) + "}}}";
        return post("/v1beta/models/" + model + ":generateContent", body).header("x-goog-api-key", key).build();
    }

    HttpResponse<byte[]> openAi(String model, String key, String prompt) throws IOException, InterruptedException {
        return send(openAiRequest(model, key, prompt));
    }

    HttpRequest openAiRequest(String model, String key, String prompt) {
        return openAiRequest(model, key, prompt, "1024x1024");
    }

    /** An OpenAI call with this {@code size}, or none when it is {@code null}. */
    HttpRequest openAiRequest(String model, String key, String prompt, String size) {
        String body = "{\"model\":" + quote(model) + ",\"prompt\":" + quote(prompt) + ",\"n\":1"
                + (size == null ? "" : ",\"size\":" + quote(size)) + "}";
        return post("/v1/images/generations", body).header("Authorization", "Bearer " + key).build();
    }

    /** An Azure OpenAI call in its v1 form, the deployment as the model, the key in {@code api-key}. */
    HttpRequest azureOpenAiRequest(String deployment, String key, String prompt) {
        String body = "{\"model\":" + quote(deployment) + ",\"prompt\":" + quote(prompt)
                + ",\"n\":1,\"size\":\"1024x1024\"}";
        return post("/openai/v1/images/generations", body).header("api-key", key).build();
    }

    HttpResponse<byte[]> huggingFace(String model, String key, String prompt, boolean waitForModel)
            throws IOException, InterruptedException {
        return send(huggingFaceRequest(model, key, prompt, waitForModel));
    }

    HttpRequest huggingFaceRequest(String model, String key, String prompt, boolean waitForModel) {
        return huggingFaceRequest(model, key, prompt, waitForModel, 1024, 1024);
    }

    /** A Hugging Face call asking for {@code width} × {@code height} pixels. */
    HttpRequest huggingFaceRequest(String model, String key, String prompt, boolean waitForModel, int width,
            int height) {
        HttpRequest.Builder request = post("/models/" + model, "{\"inputs\":" + quote(prompt)
                + ",\"parameters\":{\"width\":" + width + ",\"height\":" + height + "}}")
                .header("Authorization", "Bearer " + key);
        if (waitForModel) {
            request.header("x-wait-for-model", "true");
        }
        return request.build();
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Returns once the headers are in; the body is read from the stream as it arrives. */
    HttpResponse<InputStream> stream(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    CompletableFuture<HttpResponse<byte[]>> sendAsync(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static BufferedImage image(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    private HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String quote(String text) {
        return JSON.valueToTree(text).toString();
    }
}
