package dev.genairesilience.benchmarks.scale;

import dev.genairesilience.testkit.ModelBehaviour;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.imageio.ImageIO;

/**
 * The emulator of the {@code scale} scenario ({@link WideEmulatorServer}), in a JVM of its own so that its threads
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

    public static void main(String[] args) throws IOException {
        // the emulator renders a PNG per answer; ImageIO's default disk cache would add a temporary file to each
        ImageIO.setUseCache(false);
        try (WideEmulatorServer emulator = new WideEmulatorServer()) {
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
