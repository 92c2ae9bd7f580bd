package dev.genairesilience.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Redis server for a test or a benchmark: the machine's {@code redis-server} (Debian's package
 * {@code redis-server}), started on a free port of 127.0.0.1 with nothing saved to disk, stopped by {@link #close()}.
 * {@link #startOrSkip()} reports a JUnit test skipped, with the reason, where it is not installed.
 */
public final class RedisServer implements AutoCloseable {

    private static final List<Path> PLACES = List.of(Path.of("/usr/bin/redis-server"),
            Path.of("/usr/local/bin/redis-server"));

    /** Why a Redis test does not run where {@code redis-server} is missing. */
    public static final String NOT_INSTALLED = "redis-server is not installed (Debian package redis-server, which "
            + ".ci/run installs)";

    private final Path binary;
    private final int port;
    private Process process;

    private RedisServer(Path binary, int port) {
        this.binary = binary;
        this.port = port;
    }

    /** Whether {@code redis-server} is installed where Debian puts it. */
    public static boolean installed() {
        return binary() != null;
    }

    /**
     * Starts a server.
     *
     * @throws IllegalStateException when {@code redis-server} is not installed
     * @throws IOException           when it did not start within 20 s
     */
    public static RedisServer start() throws IOException, InterruptedException {
        Path binary = binary();
        if (binary == null) {
            throw new IllegalStateException(NOT_INSTALLED);
        }
        RedisServer server = new RedisServer(binary, freePort());
        server.startProcess();
        return server;
    }

    /** Starts a server, or aborts the calling JUnit test (reported skipped, with why) when it is not installed. */
    public static RedisServer startOrSkip() throws IOException, InterruptedException {
        Assumptions.assumeTrue(installed(), NOT_INSTALLED + ": the Redis test cannot run here");
        return start();
    }

    private static Path binary() {
        return PLACES.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    public int port() {
        return port;
    }

    /** Stops the server, as an outage of the store. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            process = null;
        }
    }

    /** Starts it again on the same port, empty. */
    public void restart() throws IOException, InterruptedException {
        stop();
        startProcess();
    }

    private void startProcess() throws IOException, InterruptedException {
        process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--protected-mode", "no")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IOException("redis-server did not start on port " + port);
            }
            Thread.sleep(50);
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(7);
            return new String(answer, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
