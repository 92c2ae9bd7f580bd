package dev.genairesilience.provider.bfl;

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
import dev.genairesilience.spi.ProviderImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Black Forest Labs' FLUX API, as its API reference and its own integration guide describe it
 * ({@code github.com/black-forest-labs/skills}, {@code bfl-api}, 2025): {@code POST {base}/v1/{model}} with the key
 * in {@code x-key} and {@code {prompt, width, height, output_format}} answers {@code {id, polling_url}}; the
 * {@code polling_url} (never built here: the API may name a regional host) answers {@code {status, result}}, status
 * {@code Pending} until {@code Ready} with {@code result.sample}, a signed URL of the image that expires in ten
 * minutes, fetched at once and without the key. {@code Request Moderated} and {@code Content Moderated} are content
 * blocks; {@code Error} and {@code Task not found} are provider failures (a new attempt submits anew). The key goes
 * only to the API's own hosts ({@link ApiHost}), never to the image's. The API has no cancellation.
 *
 * <p>A job is kept by its {@code polling_url} ({@link #resume}): the API documents no lifetime for it, and answers
 * {@code Task not found} for a task it no longer knows; a {@code Ready} task's {@code result.sample} is valid for ten
 * minutes only, so a job resumed later than that is as good as unknown (its image answers an error).
 */
final class BflApi {

    private static final String API = "BFL API";
    private static final String POLLING_URL = "polling_url";

    private final ProviderHttpClient http;
    private final ApiHost host;

    BflApi(ProviderHttpClient http, URI baseUrl, String key) {
        this.http = http;
        this.host = new ApiHost(baseUrl, "x-key", key);
    }

    /** Submits one generation; the job it answers is then polled. */
    SubmittedJob submit(String model, String prompt, PixelSize size, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode body = JsonBodies.object().put("prompt", prompt).put("width", size.width())
                .put("height", size.height()).put("output_format", "png");
        URI submit = host.resolve("v1/" + model);
        HttpResponse<byte[]> response = http.exchange(host.authorized(HttpRequest.newBuilder(submit)
                .header("Content-Type", "application/json").header("accept", "application/json")
                .POST(JsonBodies.publisher(body)), submit), timeout);
        JsonNode answer = JsonBodies.read(response, API);
        String id = answer.path("id").asText(null);
        String pollingUrl = answer.path(POLLING_URL).asText(null);
        if (id == null || pollingUrl == null) {
            throw new MalformedResponseException(response.statusCode(), API + " accepted the request without "
                    + (id == null ? "an id" : "a polling_url"));
        }
        URI polling;
        try {
            polling = host.resolve(pollingUrl);
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException(response.statusCode(), API + " answered an unreadable polling_url", e);
        }
        return new Job(id, polling);
    }

    /**
     * The job {@code handle} names, as {@link Job#handle()} wrote it, to be polled again.
     *
     * @throws IllegalArgumentException when the handle is not one of this API's
     */
    SubmittedJob resume(JobHandle handle) {
        String pollingUrl = JsonBodies.readObject(handle.value(), "the handle of BFL job " + handle.id())
                .path(POLLING_URL).asText(null);
        if (pollingUrl == null) {
            throw new IllegalArgumentException("the handle of BFL job " + handle.id() + " has no " + POLLING_URL);
        }
        return new Job(handle.id(), URI.create(pollingUrl));
    }

    /** One submitted generation. */
    private final class Job implements SubmittedJob {

        private final String id;
        private final URI polling;

        Job(String id, URI polling) {
            this.id = id;
            this.polling = polling;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public JobHandle handle() {
            return JobHandle.of(id, JsonBodies.object().put(POLLING_URL, polling.toString()).toString());
        }

        @Override
        public JobState poll(Duration timeout) throws IOException, InterruptedException {
            HttpResponse<byte[]> response = http.exchange(host.authorized(HttpRequest.newBuilder(polling)
                    .header("accept", "application/json").GET(), polling), timeout);
            JsonNode answer = JsonBodies.read(response, API);
            String status = answer.path("status").asText("");
            return switch (status) {
                case "Pending", "Queued", "Processing" -> JobState.pending(null);
                case "Ready" -> JobState.ready(fetch(answer.path("result").path("sample").asText(null), timeout,
                        response.statusCode()));
                case "Request Moderated", "Content Moderated" ->
                        JobState.failed(new ContentBlockedException(response.statusCode(), status));
                case "Task not found" -> JobState.gone(new MalformedResponseException(response.statusCode(),
                        API + " job " + id + ": " + status));
                default -> JobState.failed(new MalformedResponseException(response.statusCode(),
                        API + " job " + id + ": " + (status.isEmpty() ? "a poll answer without a status" : status)));
            };
        }

        private ProviderImage fetch(String sample, Duration timeout, int status)
                throws IOException, InterruptedException {
            if (sample == null) {
                throw new MalformedResponseException(status, API + " job " + id + " is Ready without result.sample");
            }
            return ImageBytes.download(http, polling.resolve(sample), timeout);
        }

        @Override
        public boolean cancel(Duration timeout) {
            return false;
        }
    }
}
