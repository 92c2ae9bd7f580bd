package dev.genairesilience.batch.worker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genairesilience.testsupport.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link BatchWorkerApplication} in a JVM of its own, on the test's class path, talked to over HTTP on 127.0.0.1.
 * Its output goes to a log file next to the test's data, for when a test fails.
 */
public final class WorkerProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private WorkerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a worker with these arguments and waits until it answers HTTP. */
    public static WorkerProcess start(List<String> arguments, Path log, Duration startTimeout)
            throws IOException, InterruptedException {
        int port = ChildJvm.freePort();
        Process process = ChildJvm.start(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                BatchWorkerApplication.class, port, arguments, log);
        WorkerProcess worker = new WorkerProcess(process, port, log);
        worker.awaitReady(startTimeout);
        return worker;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The worker exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (get("/jobs/none").statusCode() == 404) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The worker did not answer within " + timeout + "; see " + log);
    }

    /** Submits a job; returns its id. */
    public String submit(String prompt) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/jobs"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(prompt)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("submit answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

    /** The job's state, such as {@code RUNNING}. */
    public String state(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = get("/jobs/" + id);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("job " + id + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode job = JSON.readTree(response.body());
        return job.get("state").asText();
    }

    /** SIGKILL: the JVM gets no chance to stop anything. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The killed worker did not exit");
        }
    }

    /** Asks the worker to stop (SIGTERM), then kills it if it does not. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The worker's log, for assertion messages. */
    public String log() throws IOException {
        return Files.readString(log);
    }
}
