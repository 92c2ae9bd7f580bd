package dev.genairesilience.it.memory;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;

/**
 * A small application with the starter, for a test that runs it in a JVM of its own with a small heap: one chain,
 * {@code shots}, over {@code huge} then {@code healthy}, two Gemini models at the emulator, with the default
 * {@code genai.http.max-response-size}. {@code huge}'s breaker never opens, so that every request calls it.
 */
@SpringBootApplication(exclude = DataSourceAutoConfiguration.class)
public class BoundedReadsApplication {

    /** The model behind {@code huge}. */
    public static final String HUGE_MODEL = "gemini-3-pro-image-preview";

    /** The model behind {@code healthy}. */
    public static final String HEALTHY_MODEL = "gemini-2.5-flash-image";

    public static void main(String[] args) {
        SpringApplication.run(BoundedReadsApplication.class, args);
    }

    /** The application's settings, as {@code --name=value} arguments. */
    public static List<String> arguments(URI emulator) {
        List<String> args = new ArrayList<>(List.of("--spring.main.banner-mode=off"));
        for (String[] provider : new String[][] {{"huge", HUGE_MODEL}, {"healthy", HEALTHY_MODEL}}) {
            String prefix = "--genai.providers." + provider[0] + ".";
            args.add(prefix + "type=gemini");
            args.add(prefix + "model=" + provider[1]);
            args.add(prefix + "api-key=bounded-reads-test-key");
            args.add(prefix + "base-url=" + emulator);
            args.add(prefix + "timeout=20s");
        }
        args.add("--genai.chains.shots.providers=huge,healthy");
        args.add("--genai.chains.shots.resolution=1K");
        args.add("--genai.chains.shots.deadline=45s");
        args.add("--genai.retry.initial-interval=10ms");
        args.add("--genai.retry.max-interval=50ms");
        args.add("--resilience4j.circuitbreaker.instances.huge.minimum-number-of-calls=1000000");
        args.add("--resilience4j.circuitbreaker.instances.huge.sliding-window-size=1000000");
        return args;
    }
}
