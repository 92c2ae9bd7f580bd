package dev.genairesilience.testkit;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An HTTP server on 127.0.0.1 that speaks the image APIs of Gemini, OpenAI and Hugging Face, each model
 * following its own {@link ModelBehaviour script}:
 * <ul>
 * <li>Gemini: {@code POST {base}/v1beta/models/{model}:generateContent} (key in {@code x-goog-api-key} or
 * {@code ?key=}), and {@code GET {base}/v1beta/models/{model}} for the model's metadata</li>
 * <li>Vertex AI: {@code POST {base}/v1/projects/{project}/locations/{location}/publishers/google/models/{model}}
 * {@code :generateContent} (Gemini's body) and {@code :predict} (Imagen's), the bearer token checked as the model's
 * key</li>
 * <li>OpenAI: {@code POST {base}/v1/images/generations} (bearer key, model in the body), and
 * {@code GET {base}/v1/models/{model}} for the model's description</li>
 * <li>Hugging Face: {@code POST {base}/models/{owner/name}} (bearer key; {@code x-wait-for-model: true}
 * waits out a cold start)</li>
 * </ul>
 * Every call runs on its own thread, so slow calls never hold up others.
 */
public final class ProviderEmulator implements AutoCloseable {

    private static final int BACKLOG = 256;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes headers and body apart; with Nagle's algorithm on, the client's delayed ACK
        // then adds ~40 ms to every answer. Read once, when the first server of the JVM is created.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final ConcurrentMap<String, ModelBehaviour> models = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService workers;
    private final URI baseUrl;

    private ProviderEmulator(ExecutorService workers, int backlog, SSLContext tls) throws IOException {
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        InetSocketAddress address = new InetSocketAddress(loopback, 0);
        if (tls == null) {
            server = HttpServer.create(address, backlog);
        } else {
            HttpsServer https = HttpsServer.create(address, backlog);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        this.workers = workers;
        server.setExecutor(workers);
        server.createContext("/", new EmulatorHandler(this::model));
        server.start();
        baseUrl = URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Starts an emulator on a free port of 127.0.0.1; every model is healthy. */
    public static ProviderEmulator start() {
        return start(Executors.newCachedThreadPool(daemonThreads()), BACKLOG);
    }

    /**
     * Starts an emulator for load tests with thousands of calls in flight: {@code workers} runs each call (a
     * virtual thread per call on Java 21+ is the natural choice) and {@code backlog} is the listen queue, which
     * must hold a burst of connections or the kernel resets them. The emulator shuts {@code workers} down on
     * {@link #close()}.
     */
    public static ProviderEmulator start(ExecutorService workers, int backlog) {
        Objects.requireNonNull(workers, "workers");
        try {
            return new ProviderEmulator(workers, backlog, null);
        } catch (IOException e) {
            workers.shutdownNow();
            throw new UncheckedIOException("Could not start the provider emulator", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    /**
     * Starts an emulator that speaks HTTPS on 127.0.0.1 with the key material of {@code tls} (a self-signed
     * certificate, say), to test a client's trust settings.
     */
    public static ProviderEmulator startHttps(SSLContext tls) {
        Objects.requireNonNull(tls, "tls");
        ExecutorService workers = Executors.newCachedThreadPool(daemonThreads());
        try {
            return new ProviderEmulator(workers, BACKLOG, tls);
        } catch (IOException e) {
            workers.shutdownNow();
            throw new UncheckedIOException("Could not start the provider emulator", e);
        }
    }

    public URI baseUrl() {
        return baseUrl;
    }

    /** The port the emulator listens on. */
    public int port() {
        return baseUrl.getPort();
    }

    /** The script of one model, created healthy on first use. */
    public ModelBehaviour model(String modelId) {
        Objects.requireNonNull(modelId, "modelId");
        return models.computeIfAbsent(modelId, ModelBehaviour::new);
    }

    /** Every model healthy again, with counters and records cleared; scripts already handed out stay valid. */
    public void reset() {
        models.values().forEach(ModelBehaviour::reset);
    }

    /** Stops the server; calls still running are left unanswered. */
    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    @Override
    public String toString() {
        return "ProviderEmulator[" + baseUrl + "]";
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "provider-emulator-" + count.incrementAndGet());
            // a test that forgets close() must not keep its JVM alive
            thread.setDaemon(true);
            return thread;
        };
    }
}
