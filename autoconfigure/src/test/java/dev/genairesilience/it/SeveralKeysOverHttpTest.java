package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.system.CapturedOutput;

/** A provider with several API keys: each key has its own hold and quota, and a refused key is taken out. */
class SeveralKeysOverHttpTest extends EmulatedProvidersTest {

    private static final String FIRST = "it-first-key-0c41d9";
    private static final String SECOND = "it-second-key-77b2e0";

    /** pro with two keys, then flash, one attempt per step. */
    private List<String> twoKeys(String... more) {
        List<String> p = new ArrayList<>(provider("pro", "gemini", PRO));
        p.removeIf(line -> line.startsWith("genai.providers.pro.api-key="));
        p.add("genai.providers.pro.api-keys=" + FIRST + "," + SECOND);
        p.addAll(provider("flash", "gemini", FLASH));
        p.addAll(fastRetries());
        p.add("genai.chains.main.providers=pro,flash");
        p.add("genai.retry.max-attempts=1");
        p.addAll(List.of(more));
        return p;
    }

    @Test
    void oneKeysQuotaRefusalHoldsThatKeyAndTheOtherKeepsServing(CapturedOutput output) {
        run(twoKeys(), context -> {
            emulator().model(PRO).expectApiKeys(FIRST, SECOND).hint(Duration.ofSeconds(30))
                    .keyQuota(FIRST, 1, Duration.ofMinutes(1));
            List<GeneratedImage> images = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                images.add(generator(context).generate(ImageRequest.of("a kite")));
            }

            assertThat(emulator().model(PRO).callsWithKey(FIRST)).as("one admitted, one refused, then held")
                    .isEqualTo(2);
            assertThat(emulator().model(PRO).callsWithKey(SECOND)).isGreaterThanOrEqualTo(6);
            assertThat(images).filteredOn(image -> image.provider().equals("flash"))
                    .as("only the request that met the refusal went on to flash: the provider was not held").hasSize(1);
            assertThat(emulator().model(FLASH).calls()).isEqualTo(1);
        });
        assertThat(output.getAll()).doesNotContain(FIRST).doesNotContain(SECOND);
    }

    @Test
    void aRefusedKeyIsTakenOutWithOneWarningGivingItsPositionNeverTheKey(CapturedOutput output) {
        run(twoKeys(), context -> {
            emulator().model(PRO).expectApiKeys(SECOND);
            for (int i = 0; i < 10; i++) {
                assertThat(generator(context).generate(ImageRequest.of("a kite")).provider()).isIn("pro", "flash");
            }

            assertThat(emulator().model(PRO).callsWithKey(FIRST)).as("refused once, then never sent again")
                    .isEqualTo(1);
            assertThat(emulator().model(PRO).callsWithKey(SECOND)).isGreaterThanOrEqualTo(9);
        });
        String log = output.getAll();
        assertThat(log).doesNotContain(FIRST).doesNotContain(SECOND);
        assertThat(log.lines().filter(line -> line.contains("refused key 1 of its api-keys"))).hasSize(1)
                .allSatisfy(line -> assertThat(line).contains("genai.providers.pro"));
    }
}
