package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** With {@code coalesce: true}, identical requests in flight at the same moment share one provider call. */
class CoalesceOverHttpTest extends EmulatedProvidersTest {

    private static final int CALLERS = 20;

    @Test
    void twentyIdenticalConcurrentRequestsMakeOneProviderCall() {
        emulator().model(PRO).latency(Duration.ofSeconds(2));
        run(with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.chains.main.coalesce=true"),
                context -> {
                    List<GeneratedImage> images = ConcurrentCalls.allAtOnce(CALLERS,
                            caller -> generator(context).generate(ImageRequest.of("a red kite")));

                    assertThat(emulator().model(PRO).calls()).isEqualTo(1);
                    assertThat(emulator().model(FLASH).calls()).isZero();
                    assertThat(images).hasSize(CALLERS).allSatisfy(image -> {
                        assertThat(image.shared()).isTrue();
                        assertThat(image.provider()).isEqualTo("pro");
                    });
                    assertThat(images.get(0).bytes()).as("each caller has its own copy")
                            .isNotSameAs(images.get(1).bytes()).isEqualTo(images.get(1).bytes());
                });
    }

    @Test
    void differentPromptsAndChainsThatDoNotCoalesceEachGenerate() {
        emulator().model(PRO).latency(Duration.ofMillis(500));
        run(with(geminiPair(), "genai.chains.main.providers=pro", "genai.chains.main.coalesce=true",
                "genai.chains.plain.providers=flash"), context -> {
                    List<GeneratedImage> distinct = ConcurrentCalls.allAtOnce(CALLERS,
                            caller -> generator(context).generate("main", ImageRequest.of("a kite number " + caller)));
                    List<GeneratedImage> uncoalesced = ConcurrentCalls.allAtOnce(CALLERS,
                            caller -> generator(context).generate("plain", ImageRequest.of("a red kite")));

                    assertThat(emulator().model(PRO).calls()).isEqualTo(CALLERS);
                    assertThat(emulator().model(FLASH).calls()).isEqualTo(CALLERS);
                    assertThat(distinct).noneMatch(GeneratedImage::shared);
                    assertThat(uncoalesced).noneMatch(GeneratedImage::shared);
                });
    }
}
