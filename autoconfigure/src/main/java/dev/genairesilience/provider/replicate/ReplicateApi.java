package dev.genairesilience.provider.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genairesilience.provider.http.JobState;
import dev.genairesilience.provider.http.JsonBodies;
import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.provider.http.SubmittedJob;
import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.spi.ProviderHttpException;
import dev.genairesilience.spi.ProviderImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Replicate's predictions API, as its HTTP reference describes it ({@code replicate.com/docs/reference/http}, 2025):
 * {@code POST {base}/v1/models/{owner}/{name}/predictions} with the token as a bearer and
 * {@code {"input": {"prompt", "aspect_ratio"}}}, and {@code Prefer: wait=N} so that a quick model answers at once;
 * the prediction it answers has a {@code status} ({@code starting}, {@code processing}, {@code succeeded},
 * {@code failed}, {@code canceled}), an {@code output} (a URL, or a list of them, when it succeeded) and
 * {@code urls.get} / {@code urls.cancel}, polled and cancelled as given, never built. A {@code failed} or
 * {@code canceled} prediction is a provider failure with its {@code error}; its wording is prose, so it is not read
 * for a content block.
 */
final class ReplicateApi {

    private static final String API = "Replicate API";
    /** The longest {@code Prefer: wait} Replicate honours. */
    static final long LONGEST_WAIT_SECONDS = 60;

    private final ProviderHttpClient http;
    private final URI base;
    private final String token;

    ReplicateApi(ProviderHttpClient http, URI baseUrl, String token) {
        this.http = http;
        String url = baseUrl.toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.token = token;
    }

    /** Creates a prediction, waiting for it within {@code timeout} (less a second, at most a minute). */
    SubmittedJob submit(String model, String prompt, String aspectRatio, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode body = JsonBodies.object();
        body.putObject("input").put("prompt", prompt).put("aspect_ratio", aspectRatio).put("output_format", "png");
        long wait = Math.max(1, Math.min(LONGEST_WAIT_SECONDS, timeout.toSeconds() - 1));
        HttpResponse<byte[]> response = http.exchange(authorized(HttpRequest.newBuilder(
                base.resolve("v1/models/" + model + "/predictions")).header("Content-Type", "application/json")
                .header("Prefer", "wait=" + wait).POST(JsonBodies.publisher(body)), base), timeout);
        JsonNode prediction = JsonBodies.read(response, API);
        String id = prediction.path("id").asText(null);
        String get = prediction.path("urls").path("get").asText(null);
        if (id == null || get == null) {
            throw new MalformedResponseException(response.statusCode(), API + " created a prediction without "
                    + (id == null ? "an id" : "urls.get"));
        }
        String cancel = prediction.path("urls").path("cancel").asText(null);
        return new Prediction(id, base.resolve(get), cancel == null ? null : base.resolve(cancel), prediction,
                response.statusCode());
    }

    /** Adds the token when {@code target} is on the API's own host. */
    private HttpRequest.Builder authorized(HttpRequest.Builder request, URI target) {
        if (token != null && !token.isBlank() && base.getHost() != null
                && base.getHost().equalsIgnoreCase(target.getHost()) && base.getPort() == target.getPort()) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    /** One prediction: its first state is the creation's answer, polled from then on. */
    private final class Prediction implements SubmittedJob {

        private final String id;
        private final URI get;
        private final URI cancel;
        private JsonNode first;
        private final int firstStatus;

        Prediction(String id, URI get, URI cancel, JsonNode first, int firstStatus) {
            this.id = id;
            this.get = get;
            this.cancel = cancel;
            this.first = first;
            this.firstStatus = firstStatus;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public JobState poll(Duration timeout) throws IOException, InterruptedException {
            JsonNode prediction;
            int status;
            if (first != null) {
                prediction = first;
                status = firstStatus;
                first = null;
            } else {
                HttpResponse<byte[]> response = http.exchange(authorized(HttpRequest.newBuilder(get).GET(), get),
                        timeout);
                prediction = JsonBodies.read(response, API);
                status = response.statusCode();
            }
            String state = prediction.path("status").asText("");
            return switch (state) {
                case "starting", "processing" -> JobState.pending(null);
                case "succeeded" -> JobState.ready(fetch(output(prediction, status), timeout));
                // its error is left out: it is the model's prose, and may quote the input
                case "failed", "canceled" -> JobState.failed(new MalformedResponseException(status, API
                        + " prediction " + id + " " + state));
                default -> JobState.failed(new MalformedResponseException(status, API + " prediction " + id
                        + (state.isEmpty() ? " without a status" : ": unknown status " + state)));
            };
        }

        private URI output(JsonNode prediction, int status) {
            JsonNode output = prediction.path("output");
            String url = output.isArray() ? output.path(0).asText(null) : output.asText(null);
            if (url == null || url.isBlank()) {
                throw new MalformedResponseException(status, API + " prediction " + id + " succeeded without an "
                        + "output URL");
            }
            return get.resolve(url);
        }

        private ProviderImage fetch(URI image, Duration timeout) throws IOException, InterruptedException {
            HttpResponse<byte[]> bytes = http.exchange(authorized(HttpRequest.newBuilder(image).GET(), image), timeout);
            String type = bytes.headers().firstValue("Content-Type").orElse("image/png");
            return new ProviderImage(bytes.body(), type.startsWith("image/") ? type : "image/png");
        }

        @Override
        public boolean cancel(Duration timeout) throws IOException, InterruptedException {
            if (cancel == null) {
                return false;
            }
            try {
                HttpResponse<byte[]> response = http.exchange(authorized(HttpRequest.newBuilder(cancel)
                        .POST(HttpRequest.BodyPublishers.noBody()), cancel), timeout);
                return "canceled".equals(JsonBodies.read(response, API).path("status").asText(""));
            } catch (ProviderHttpException | MalformedResponseException e) {
                return false;
            }
        }
    }
}
