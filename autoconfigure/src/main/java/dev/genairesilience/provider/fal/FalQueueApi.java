package dev.genairesilience.provider.fal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genairesilience.provider.http.ApiHost;
import dev.genairesilience.provider.http.ImageBytes;
import dev.genairesilience.provider.http.JobState;
import dev.genairesilience.provider.http.JsonBodies;
import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.provider.http.SubmittedJob;
import dev.genairesilience.spi.ContentBlockedException;
import dev.genairesilience.spi.JobHandle;
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
 * {@code {images: [{url, content_type}], has_nsfw_concepts: […]}}, whose first image is fetched without the key
 * (which goes only to the queue's own hosts, {@link ApiHost}); {@code PUT cancel_url} cancels a request that has not
 * started. The URLs the API answers are used as given, never built. A result whose {@code has_nsfw_concepts} flags
 * the image is a content block (fal answers a blacked-out image then).
 *
 * <p>A request is kept by its three URLs ({@link #resume}); fal keeps a completed request's result for an hour, six
 * minutes only when it is 10 KB or larger, unless payload storage is on ({@code X-Fal-Store-IO};
 * {@code fal.ai/docs/inference-api/queue/result}, 2025), so a request resumed later than that is unknown: a
 * {@code 404} for its status or its result.
 */
final class FalQueueApi {

    private static final String API = "fal queue API";
    private static final String STATUS_URL = "status_url";
    private static final String RESPONSE_URL = "response_url";
    private static final String CANCEL_URL = "cancel_url";

    private final ProviderHttpClient http;
    private final ApiHost host;

    FalQueueApi(ProviderHttpClient http, URI baseUrl, String key) {
        this.http = http;
        this.host = new ApiHost(baseUrl, "Authorization", key == null || key.isBlank() ? null : "Key " + key);
    }

    SubmittedJob submit(String model, String prompt, PixelSize size, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode body = JsonBodies.object().put("prompt", prompt).put("num_images", 1);
        body.putObject("image_size").put("width", size.width()).put("height", size.height());
        URI submit = host.resolve(model);
        HttpResponse<byte[]> response = http.exchange(host.authorized(HttpRequest.newBuilder(submit)
                .header("Content-Type", "application/json").POST(JsonBodies.publisher(body)), submit), timeout);
        JsonNode answer = JsonBodies.read(response, API);
        String id = answer.path("request_id").asText(null);
        String status = answer.path(STATUS_URL).asText(null);
        String result = answer.path(RESPONSE_URL).asText(null);
        if (id == null || status == null || result == null) {
            throw new MalformedResponseException(response.statusCode(), API + " accepted the request without "
                    + (id == null ? "a request_id" : status == null ? "a status_url" : "a response_url"));
        }
        String cancel = answer.path(CANCEL_URL).asText(null);
        return new Job(id, host.resolve(status), host.resolve(result), cancel == null ? null : host.resolve(cancel));
    }

    /**
     * The request {@code handle} names, as {@link Job#handle()} wrote it, to be polled again.
     *
     * @throws IllegalArgumentException when the handle is not one of this API's
     */
    SubmittedJob resume(JobHandle handle) {
        String what = "the handle of fal request " + handle.id();
        JsonNode urls = JsonBodies.readObject(handle.value(), what);
        String status = urls.path(STATUS_URL).asText(null);
        String result = urls.path(RESPONSE_URL).asText(null);
        if (status == null || result == null) {
            throw new IllegalArgumentException(what + " has no " + (status == null ? STATUS_URL : RESPONSE_URL));
        }
        String cancel = urls.path(CANCEL_URL).asText(null);
        return new Job(handle.id(), URI.create(status), URI.create(result), cancel == null ? null : URI.create(cancel));
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
        public JobHandle handle() {
            ObjectNode urls = JsonBodies.object().put(STATUS_URL, status.toString()).put(RESPONSE_URL,
                    result.toString());
            if (cancel != null) {
                urls.put(CANCEL_URL, cancel.toString());
            }
            return JobHandle.of(id, urls.toString());
        }

        @Override
        public JobState poll(Duration timeout) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.exchange(host.authorized(HttpRequest.newBuilder(status).GET(), status),
                    timeout);
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
            HttpResponse<byte[]> response = http.exchange(host.authorized(HttpRequest.newBuilder(result).GET(), result),
                    timeout);
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
            return ImageBytes.download(http, result.resolve(url), timeout);
        }

        @Override
        public boolean cancel(Duration timeout) throws IOException, InterruptedException {
            if (cancel == null) {
                return false;
            }
            try {
                HttpResponse<byte[]> response = http.exchange(host.authorized(HttpRequest.newBuilder(cancel)
                        .PUT(HttpRequest.BodyPublishers.noBody()), cancel), timeout);
                return response.statusCode() / 100 == 2;
            } catch (ProviderHttpException e) {
                // 400 ALREADY_COMPLETED and the like: nothing was cancelled
                return false;
            }
        }
    }
}
