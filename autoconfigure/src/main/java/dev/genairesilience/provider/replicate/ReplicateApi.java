package dev.genairesilience.provider.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genairesilience.provider.http.ApiHost;
import dev.genairesilience.provider.http.ImageBytes;
import dev.genairesilience.provider.http.JobState;
import dev.genairesilience.provider.http.JsonBodies;
import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.provider.http.SubmittedJob;
import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.spi.ProviderHttpException;
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
 * {@code urls.get} / {@code urls.cancel}, polled and cancelled as given, never built; the token goes only to the
 * API's own hosts ({@link ApiHost}), never to the output's. A {@code failed} or
 * {@code canceled} prediction is a provider failure with its {@code error}; its wording is prose, so it is not read
 * for a content block.
 */
final class ReplicateApi {

    private static final String API = "Replicate API";
    /** The longest {@code Prefer: wait} Replicate honours. */
    static final long LONGEST_WAIT_SECONDS = 60;

    private final ProviderHttpClient http;
    private final ApiHost host;

    ReplicateApi(ProviderHttpClient http, URI baseUrl, String token) {
        this.http = http;
        this.host = new ApiHost(baseUrl, "Authorization", token == null || token.isBlank() ? null : "Bearer " + token);
    }

    /** Creates a prediction, waiting for it within {@code timeout} (less a second, at most a minute). */
    SubmittedJob submit(String model, String prompt, String aspectRatio, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode body = JsonBodies.object();
        body.putObject("input").put("prompt", prompt).put("aspect_ratio", aspectRatio).put("output_format", "png");
        long wait = Math.max(1, Math.min(LONGEST_WAIT_SECONDS, timeout.toSeconds() - 1));
        URI create = host.resolve("v1/models/" + model + "/predictions");
        HttpResponse<byte[]> response = http.exchange(host.authorized(HttpRequest.newBuilder(create)
                .header("Content-Type", "application/json").header("Prefer", "wait=" + wait)
                .POST(JsonBodies.publisher(body)), create), timeout);
        JsonNode prediction = JsonBodies.read(response, API);
        String id = prediction.path("id").asText(null);
        String get = prediction.path("urls").path("get").asText(null);
        if (id == null || get == null) {
            throw new MalformedResponseException(response.statusCode(), API + " created a prediction without "
                    + (id == null ? "an id" : "urls.get"));
        }
        String cancel = prediction.path("urls").path("cancel").asText(null);
        return new Prediction(id, host.resolve(get), cancel == null ? null : host.resolve(cancel), prediction,
                response.statusCode());
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
                HttpResponse<byte[]> response = http.exchange(host.authorized(HttpRequest.newBuilder(get).GET(), get),
                        timeout);
                prediction = JsonBodies.read(response, API);
                status = response.statusCode();
            }
            String state = prediction.path("status").asText("");
            return switch (state) {
                case "starting", "processing" -> JobState.pending(null);
                case "succeeded" -> JobState.ready(ImageBytes.download(http, output(prediction, status), timeout));
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

        @Override
        public boolean cancel(Duration timeout) throws IOException, InterruptedException {
            if (cancel == null) {
                return false;
            }
            try {
                HttpResponse<byte[]> response = http.exchange(host.authorized(HttpRequest.newBuilder(cancel)
                        .POST(HttpRequest.BodyPublishers.noBody()), cancel), timeout);
                return "canceled".equals(JsonBodies.read(response, API).path("status").asText(""));
            } catch (ProviderHttpException | MalformedResponseException e) {
                return false;
            }
        }
    }
}
