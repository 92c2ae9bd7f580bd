package dev.genairesilience.benchmarks.scale;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.genairesilience.testkit.ModelBehaviour;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The testkit emulator's own request handling and model scripts, served by an HTTP server built for ten thousand
 * calls in flight: a listen backlog of 4,096 instead of {@code ProviderEmulator}'s 256, and one virtual thread
 * per call on Java 21+ instead of one platform thread. {@code ProviderEmulator} lets a caller change neither, and
 * with them a burst of thousands of connections overflows the backlog (the kernel then resets them) and the
 * server's one dispatcher thread spends its time starting platform threads. The handler and
 * {@link ModelBehaviour} are reached by reflection because the testkit keeps their constructors package-private;
 * an {@code Executor} and backlog parameter on {@code ProviderEmulator.start} would make this class unnecessary.
 */
final class WideEmulatorServer implements AutoCloseable {

    private static final int BACKLOG = 4096;

    private final ConcurrentMap<String, ModelBehaviour> models = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService workers;

    WideEmulatorServer() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), BACKLOG);
        workers = VirtualThreads.available() ? VirtualThreads.perTaskExecutor() : Executors.newCachedThreadPool();
        server.setExecutor(workers);
        server.createContext("/", testkitHandler(this::model));
        server.start();
    }

    /** The port on 127.0.0.1. */
    int port() {
        return server.getAddress().getPort();
    }

    /** The script of one model, created healthy on first use, as {@code ProviderEmulator.model}. */
    ModelBehaviour model(String modelId) {
        return models.computeIfAbsent(modelId, WideEmulatorServer::newModel);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    private static HttpHandler testkitHandler(Function<String, ModelBehaviour> models) {
        try {
            Constructor<?> handler = Class.forName("dev.genairesilience.testkit.EmulatorHandler")
                    .getDeclaredConstructor(Function.class);
            handler.setAccessible(true);
            return (HttpHandler) handler.newInstance(models);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The testkit's EmulatorHandler has changed", e);
        }
    }

    private static ModelBehaviour newModel(String modelId) {
        try {
            Constructor<ModelBehaviour> constructor = ModelBehaviour.class.getDeclaredConstructor(String.class);
            constructor.setAccessible(true);
            return constructor.newInstance(modelId);
        } catch (InvocationTargetException | NoSuchMethodException | InstantiationException
                | IllegalAccessException e) {
            throw new IllegalStateException("The testkit's ModelBehaviour has changed", e);
        }
    }
}
