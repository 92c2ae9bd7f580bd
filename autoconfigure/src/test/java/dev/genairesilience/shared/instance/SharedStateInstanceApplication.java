package dev.genairesilience.shared.instance;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * One instance of an application that shares its providers' state with its other instances: two chains over the
 * emulator, {@code quota} (a provider whose server keeps a quota) and {@code paced} (a provider the application limits
 * to a number of requests per minute). Each instance sends its own API key, so that the emulator can tell them apart.
 */
@SpringBootApplication
public class SharedStateInstanceApplication {

    /** The model behind the {@code quota} provider. */
    public static final String QUOTA_MODEL = "gemini-2.5-flash-image";

    /** The model behind the {@code paced} provider. */
    public static final String PACED_MODEL = "gemini-2.0-flash-preview-image-generation";

    /**
     * The settings of instance {@code n}, as {@code --name=value} arguments.
     *
     * @param requestsPerMinute the {@code paced} provider's limit, shared by all instances
     */
    public static List<String> arguments(URI emulator, int n, int requestsPerMinute, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.main.banner-mode=off",
                "--spring.application.name=shared-state-test",
                "--logging.level.dev.genairesilience=WARN",
                "--genai.batch.enabled=false",
                "--genai.retry.max-attempts=1",
                "--genai.retry.max-server-wait=30s"));
        for (String id : List.of("quota", "paced")) {
            args.addAll(List.of(
                    "--genai.providers." + id + ".type=gemini",
                    "--genai.providers." + id + ".model=" + (id.equals("quota") ? QUOTA_MODEL : PACED_MODEL),
                    "--genai.providers." + id + ".api-key=" + key(n),
                    "--genai.providers." + id + ".base-url=" + emulator,
                    "--genai.providers." + id + ".timeout=5s",
                    "--genai.chains." + id + ".providers=" + id,
                    "--genai.chains." + id + ".resolution=1K",
                    "--genai.chains." + id + ".deadline=5s"));
        }
        args.add("--genai.providers.paced.requests-per-minute=" + requestsPerMinute);
        args.addAll(List.of(more));
        return args;
    }

    /** The API key instance {@code n} sends. */
    public static String key(int n) {
        return "instance-" + n + "-key";
    }
}
