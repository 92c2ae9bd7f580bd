package dev.genairesilience.benchmarks.scale;

import dev.genairesilience.testkit.ModelBehaviour;
import dev.genairesilience.testkit.ProviderEmulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * The emulator of the {@code scale} scenario (a {@code ProviderEmulator} with a wide backlog), in a JVM of its own so that its threads
 * and heap are not counted as the engine's. Its slow model answers after {@code args[0]} milliseconds, its fast
 * one at once. Prints {@code port=N}, then answers each {@code calls} line on standard input with
 * {@code calls=N} (generation calls the slow model received); ends when standard input closes.
 */
public final class EmulatorProcess {

    /** The model every measured request asks for. */
    static final String SLOW_MODEL = "gemini-3-pro-image-preview";
    /** The model that warms the engine up before the measurement. */
    static final String FAST_MODEL = "gemini-2.5-flash-image";

    private EmulatorProcess() {
    }

    /**
     * Ten thousand calls in flight: a listen backlog of 4,096 (the default 256 overflows under a burst of
     * connections and the kernel resets them) and a virtual thread per call where the JVM has them.
     */
    private static ProviderEmulator wideEmulator() {
        return ProviderEmulator.start(VirtualThreads.available() ? VirtualThreads.perTaskExecutor()
                : Executors.newCachedThreadPool(), 4096);
    }

    public static void main(String[] args) throws IOException {
        try (ProviderEmulator emulator = wideEmulator()) {
            ModelBehaviour slow = emulator.model(SLOW_MODEL).latency(Duration.ofMillis(Long.parseLong(args[0])));
            emulator.model(FAST_MODEL);
            System.out.println("port=" + emulator.port());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.trim().equals("calls")) {
                    System.out.println("calls=" + slow.calls());
                    System.out.flush();
                }
            }
        }
    }
}
