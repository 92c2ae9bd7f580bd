package dev.genairesilience.it.memory;

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
 * {@link BoundedReadsApplication} in a JVM of its own with a 256 MB heap, which exits on an
 * {@link OutOfMemoryError} rather than limp on; talked to over HTTP on 127.0.0.1, its output in a log file.
 */
final class BoundedReadsProcess implements AutoCloseable {

    /** The application's heap. */
    static final String MAX_HEAP = "-Xmx256m";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private BoundedReadsProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application with these arguments and waits until its health answers. */
    static BoundedReadsProcess start(List<String> arguments, Path log, Duration startTimeout)
            throws IOException, InterruptedException {
        int port = ChildJvm.freePort();
        Process process = ChildJvm.start(List.of(MAX_HEAP, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError"), BoundedReadsApplication.class, port, arguments, log);
        BoundedReadsProcess app = new BoundedReadsProcess(process, port, log);
        app.awaitHealth(startTimeout);
        return app;
    }

    private void awaitHealth(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (health().statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("The application did not answer within " + timeout + "; see " + log);
    }

    /** Generates on the {@code shots} chain: who served, and the attempts' summaries. */
    JsonNode generate(String prompt) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri("/generate")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(prompt)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                String output = log();
                throw new IllegalStateException("The application died during the request, exit code "
                        + process.exitValue() + "; its log ends:\n"
                        + output.substring(Math.max(0, output.length() - 2000)), e);
            }
            throw e;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("generate answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** The heap after full collections: {@code used}, {@code max} and {@code peak}, in bytes. */
    JsonNode heap() throws IOException, InterruptedException {
        return JSON.readTree(get("/heap").body());
    }

    /** {@code /actuator/health}. */
    HttpResponse<String> health() throws IOException, InterruptedException {
        return get("/actuator/health");
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The application's log, for assertion messages. */
    String log() throws IOException {
        return Files.readString(log);
    }

    /** Asks the application to stop (SIGTERM), then kills it if it does not. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
