package dev.genairesilience.provider.stability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genairesilience.provider.http.ImageBytes;
import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.spi.ContentBlockedException;
import dev.genairesilience.spi.ProviderHttpException;
import dev.genairesilience.spi.ProviderImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stability AI's v2beta Stable Image API, as its REST reference describes it
 * ({@code platform.stability.ai/docs/api-reference}, v2beta): {@code POST {base}/v2beta/stable-image/generate/{ultra |
 * core | sd3}}, key as a bearer token, a {@code multipart/form-data} body ({@code prompt}, {@code aspect_ratio},
 * {@code output_format}, and {@code model} for the SD3 endpoint), {@code Accept: image/*} for the image's bytes back.
 * <ul>
 *   <li>A {@code 200} whose {@code finish-reason} header is {@code CONTENT_FILTERED} carries a blurred image: a
 *       content block, never delivered.</li>
 *   <li>A {@code 403} whose body is {@code {"name": "content_moderation", …}} is a content block.</li>
 *   <li>Its rate limit (150 requests in 10 s) locks the key out for 60 s, which its {@code 429} does not say: a
 *       {@code 429} without {@code Retry-After} is given one of {@link #LOCKOUT}, so that the engine holds the
 *       provider for the lockout rather than call into it.</li>
 * </ul>
 */
final class StabilityApi {

    static final Duration LOCKOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String provider;
    private final ProviderHttpClient http;
    private final URI base;
    private final String key;

    StabilityApi(String provider, ProviderHttpClient http, URI baseUrl, String key) {
        this.provider = provider;
        this.http = http;
        String url = baseUrl.toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.key = key;
    }

    /**
     * @param endpoint {@code ultra}, {@code core} or {@code sd3}
     * @param model    the SD3 model ({@code sd3.5-large} …) for the {@code sd3} endpoint, else {@code null}
     */
    ProviderImage generate(String endpoint, String model, String prompt, String aspectRatio, Duration timeout)
            throws IOException, InterruptedException {
        MultipartForm form = new MultipartForm().field("prompt", prompt).field("aspect_ratio", aspectRatio)
                .field("output_format", "png");
        if (model != null) {
            form.field("model", model);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("v2beta/stable-image/generate/" + endpoint))
                .header("Content-Type", form.contentType()).header("Accept", "image/*").POST(form.publisher());
        if (key != null && !key.isBlank()) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.exchange(request, timeout);
        } catch (ProviderHttpException e) {
            throw translated(e);
        }
        String finish = response.headers().firstValue("finish-reason").orElse("SUCCESS");
        if ("CONTENT_FILTERED".equalsIgnoreCase(finish)) {
            throw new ContentBlockedException(response.statusCode(), "CONTENT_FILTERED");
        }
        return ImageBytes.fromBytes(response.statusCode(), response.body(), "Stability AI's answer");
    }

    /** Its moderation's 403 as a content block, its lockout's 429 with the lockout as the wait hint. */
    private RuntimeException translated(ProviderHttpException e) {
        if (e.status() == 403 && "content_moderation".equals(name(e.body()))) {
            return new ContentBlockedException(403, "content_moderation");
        }
        if (e.status() == 429 && e.header("Retry-After").isEmpty()) {
            Map<String, List<String>> headers = new LinkedHashMap<>(e.headers());
            headers.put("Retry-After", new ArrayList<>(List.of(Long.toString(LOCKOUT.toSeconds()))));
            ProviderHttpException locked = new ProviderHttpException(provider, 429, headers, e.body());
            locked.initCause(e);
            return locked;
        }
        return e;
    }

    private static String name(String body) {
        try {
            JsonNode root = body == null ? null : JSON.readTree(body);
            return root == null ? null : root.path("name").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
