package dev.genairesilience.provider.replicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genairesilience.provider.http.ApiHost;
import dev.genairesilience.provider.http.ImageBytes;
import dev.genairesilience.provider.http.JobState;
import dev.genairesilience.provider.http.JsonBodies;
import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.provider.http.SubmittedJob;
import dev.genairesilience.spi.JobHandle;
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
 *
 * <p>A prediction is kept by its {@code urls.get} and {@code urls.cancel} ({@link #resume}); Replicate's data
 * retention ({@code replicate.com/docs/topics/predictions/data-retention}) removes an API-created prediction's input,
 * output values and output files after an hour, so one resumed later than that is unknown: a {@code 404}, or a
 * {@code succeeded} prediction without its output.
 */
final class ReplicateApi {

    private static final String API = "Replicate API";
    private static final String GET = "get";
    private static final String CANCEL = "cancel";
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

    /**
     * The prediction {@code handle} names, as {@link Prediction#handle()} wrote it, to be polled again.
     *
     * @throws IllegalArgumentException when the handle is not one of this API's
     */
    SubmittedJob resume(JobHandle handle) {
        JsonNode urls = JsonBodies.readObject(handle.value(), "the handle of Replicate prediction " + handle.id());
        String get = urls.path(GET).asText(null);
        if (get == null) {
            throw new IllegalArgumentException("the handle of Replicate prediction " + handle.id() + " has no "
                    + GET + " URL");
        }
        String cancel = urls.path(CANCEL).asText(null);
        return new Prediction(handle.id(), URI.create(get), cancel == null ? null : URI.create(cancel), null, 0);
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
        public JobHandle handle() {
            ObjectNode urls = JsonBodies.object().put(GET, get.toString());
            if (cancel != null) {
                urls.put(CANCEL, cancel.toString());
            }
            return JobHandle.of(id, urls.toString());
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
                case "succeeded" -> succeeded(prediction, status, timeout);
                // its error is left out: it is the model's prose, and may quote the input
                case "failed", "canceled" -> JobState.failed(new MalformedResponseException(status, API
                        + " prediction " + id + " " + state));
                default -> JobState.failed(new MalformedResponseException(status, API + " prediction " + id
                        + (state.isEmpty() ? " without a status" : ": unknown status " + state)));
            };
        }

        /** Its image; a prediction whose output is gone (removed after an hour) is unknown by now. */
        private JobState succeeded(JsonNode prediction, int status, Duration timeout)
                throws IOException, InterruptedException {
            JsonNode output = prediction.path("output");
            String url = output.isArray() ? output.path(0).asText(null) : output.asText(null);
            if (url == null || url.isBlank()) {
                return JobState.gone(new MalformedResponseException(status, API + " prediction " + id
                        + " succeeded without an output URL"));
            }
            return JobState.ready(ImageBytes.download(http, get.resolve(url), timeout));
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
