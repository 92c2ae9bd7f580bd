package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 3: with no timeout and no deadline configured, a provider that never answers, or whose body trickles
 * in a byte a second, leaves the next provider of its chain the time it needs: every request is served by the
 * healthy provider within the default deadline.
 */
class HungProviderOnDefaultsTest extends EmulatedProvidersTest {

    private static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    private static final int REQUESTS_PER_CHAIN = 4;

    /** A provider at the emulator with nothing but its type, model, key and address: the starter's defaults. */
    private List<String> onDefaults(String id, String type, String model) {
        return List.of("genai.providers." + id + ".type=" + type, "genai.providers." + id + ".model=" + model,
                "genai.providers." + id + ".api-key=" + API_KEY,
                "genai.providers." + id + ".base-url=" + emulator().baseUrl());
    }

    @Test
    void aHangingOrTricklingProviderLeavesTheHealthyOneTimeToServeEveryRequest() throws Exception {
        emulator().model(PRO).hang(true);
        emulator().model(GPT).trickle(Duration.ofSeconds(1));
        List<String> properties = new ArrayList<>();
        properties.addAll(onDefaults("hanging", "gemini", PRO));
        properties.addAll(onDefaults("trickling", "openai", GPT));
        properties.addAll(onDefaults("healthy", "gemini", FLASH));
        properties.add("genai.chains.hung.providers=hanging,healthy");
        properties.add("genai.chains.trickled.providers=trickling,healthy");

        run(properties, context -> {
            ExecutorService callers = Executors.newFixedThreadPool(2 * REQUESTS_PER_CHAIN);
            try {
                List<Future<GeneratedImage>> answers = new ArrayList<>();
                List<Long> took = new ArrayList<>();
                for (String chain : List.of("hung", "trickled")) {
                    for (int i = 0; i < REQUESTS_PER_CHAIN; i++) {
                        answers.add(callers.submit(() -> {
                            long start = System.nanoTime();
                            GeneratedImage image = generator(context).generate(chain, ImageRequest.of("a kite"));
                            synchronized (took) {
                                took.add(millisSince(start));
                            }
                            return image;
                        }));
                    }
                }
                for (Future<GeneratedImage> answer : answers) {
                    GeneratedImage image = answer.get(2, TimeUnit.MINUTES);
                    assertThat(image.provider()).isEqualTo("healthy");
                    Attempt first = image.attempts().get(0);
                    assertThat(first.failure()).isEqualTo(FailureKind.TIMEOUT);
                    assertThat(first.timeout()).as("the fallback reserve is kept back from the first provider")
                            .isLessThan(DEFAULT_DEADLINE);
                    assertThat(image.attempts()).as("no retry of the hung provider eats the reserve").hasSize(2);
                }
                assertThat(took).hasSize(2 * REQUESTS_PER_CHAIN)
                        .allSatisfy(ms -> assertThat(ms).isLessThan(DEFAULT_DEADLINE.toMillis()));
                System.out.println("hung/trickled chains on defaults, each request's milliseconds: " + took);
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                callers.shutdownNow();
            }
        });
        assertThat(emulator().model(FLASH).successes()).isEqualTo(2 * REQUESTS_PER_CHAIN);
    }
}
