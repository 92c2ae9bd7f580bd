package dev.genairesilience.provider.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genairesilience.provider.http.JobState;
import dev.genairesilience.provider.http.JsonBodies;
import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.provider.http.SubmittedJob;
import dev.genairesilience.spi.ContentBlockedException;
import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.spi.PixelSize;
import dev.genairesilience.spi.ProviderHttpException;
import dev.genairesilience.spi.ProviderImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * fal's queue API, as its documentation describes it ({@code docs.fal.ai/model-endpoints/queue}, 2025):
 * {@code POST {base}/{model_id}} with {@code Authorization: Key …} answers {@code {request_id, status_url,
 * response_url, cancel_url}}; {@code GET status_url} answers {@code IN_QUEUE}, {@code IN_PROGRESS} or
 * {@code COMPLETED}; {@code GET response_url} then answers the model's result, for image models
 * {@code {images: [{url, content_type}], has_nsfw_concepts: […]}}, whose first image is fetched (without the key
 * when it is on another host); {@code PUT cancel_url} cancels a request that has not started. The URLs the API
 * answers are used as given, never built. A result whose {@code has_nsfw_concepts} flags the image is a content
 * block (fal answers a blacked-out image then).
 */
final class FalQueueApi {

    private static final String API = "fal queue API";

    private final ProviderHttpClient http;
    private final URI base;
    private final String key;

    FalQueueApi(ProviderHttpClient http, URI baseUrl, String key) {
        this.http = http;
        String url = baseUrl.toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.key = key;
    }

    SubmittedJob submit(String model, String prompt, PixelSize size, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode body = JsonBodies.object().put("prompt", prompt).put("num_images", 1);
        body.putObject("image_size").put("width", size.width()).put("height", size.height());
        HttpResponse<byte[]> response = http.exchange(keyed(HttpRequest.newBuilder(base.resolve(model))
                .header("Content-Type", "application/json").POST(JsonBodies.publisher(body)), base), timeout);
        JsonNode answer = JsonBodies.read(response, API);
        String id = answer.path("request_id").asText(null);
        String status = answer.path("status_url").asText(null);
        String result = answer.path("response_url").asText(null);
        if (id == null || status == null || result == null) {
            throw new MalformedResponseException(response.statusCode(), API + " accepted the request without "
                    + (id == null ? "a request_id" : status == null ? "a status_url" : "a response_url"));
        }
        String cancel = answer.path("cancel_url").asText(null);
        return new Job(id, base.resolve(status), base.resolve(result), cancel == null ? null : base.resolve(cancel));
    }

    /** Adds the key when {@code target} is on the API's own host. */
    private HttpRequest.Builder keyed(HttpRequest.Builder request, URI target) {
        if (key != null && !key.isBlank() && base.getHost() != null && base.getHost().equalsIgnoreCase(target.getHost())
                && base.getPort() == target.getPort()) {
            request.header("Authorization", "Key " + key);
        }
        return request;
    }

    /** One queued request. */
    private final class Job implements SubmittedJob {

        private final String id;
        private final URI status;
        private final URI result;
        private final URI cancel;

        Job(String id, URI status, URI result, URI cancel) {
            this.id = id;
            this.status = status;
            this.result = result;
            this.cancel = cancel;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public JobState poll(Duration timeout) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.exchange(keyed(HttpRequest.newBuilder(status).GET(), status), timeout);
            String state = JsonBodies.read(response, API).path("status").asText("");
            return switch (state) {
                case "IN_QUEUE", "IN_PROGRESS" -> JobState.pending(null);
                case "COMPLETED" -> JobState.ready(image(timeout));
                default -> JobState.failed(new MalformedResponseException(response.statusCode(),
                        API + " request " + id + ": " + (state.isEmpty() ? "a status answer without a status"
                                : "unknown status " + state)));
            };
        }

        private ProviderImage image(Duration timeout) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.exchange(keyed(HttpRequest.newBuilder(result).GET(), result), timeout);
            JsonNode answer = JsonBodies.read(response, API);
            JsonNode nsfw = answer.path("has_nsfw_concepts");
            if (nsfw.isArray() && nsfw.size() > 0 && nsfw.get(0).asBoolean(false)) {
                throw new ContentBlockedException(response.statusCode(), "has_nsfw_concepts");
            }
            String url = answer.path("images").path(0).path("url").asText(null);
            if (url == null) {
                throw new MalformedResponseException(response.statusCode(), API + " request " + id
                        + " completed without images[0].url");
            }
            URI image = result.resolve(url);
            HttpResponse<byte[]> bytes = http.exchange(keyed(HttpRequest.newBuilder(image).GET(), image), timeout);
            String type = bytes.headers().firstValue("Content-Type").orElse("image/png");
            return new ProviderImage(bytes.body(), type.startsWith("image/") ? type : "image/png");
        }

        @Override
        public boolean cancel(Duration timeout) throws IOException, InterruptedException {
            if (cancel == null) {
                return false;
            }
            try {
                HttpResponse<byte[]> response = http.exchange(keyed(HttpRequest.newBuilder(cancel)
                        .PUT(HttpRequest.BodyPublishers.noBody()), cancel), timeout);
                return response.statusCode() / 100 == 2;
            } catch (ProviderHttpException e) {
                // 400 ALREADY_COMPLETED and the like: nothing was cancelled
                return false;
            }
        }
    }
}
