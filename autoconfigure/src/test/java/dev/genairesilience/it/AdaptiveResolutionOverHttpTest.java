package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.Resolution;
import dev.genairesilience.SkippedStep;
import dev.genairesilience.testkit.RecordedCall;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Over real HTTP: a chain's steps start lower while 4K fails on its provider, and come back once 4K recovers. */
class AdaptiveResolutionOverHttpTest extends EmulatedProvidersTest {

    private static final List<String> CHAIN = List.of("genai.chains.main.providers=pro",
            "genai.chains.main.resolution=4K", "genai.chains.main.degrade=2K,1K", "genai.retry.max-attempts=1");

    @Test
    void theStartMovesDownWhile4kFailsAndComesBackWhenItRecovers() {
        emulator().model(PRO).overloadRate("4K", 1.0);
        run(with(geminiPair(), CHAIN.toArray(String[]::new)), context -> {
            for (int i = 0; i < 5; i++) {
                assertThat(generator(context).generate(ImageRequest.of("a kite")).resolution())
                        .isEqualTo(Resolution.TWO_K);
            }
            int before = emulator().model(PRO).calls();
            GeneratedImage adapted = generator(context).generate(ImageRequest.of("a kite"));

            assertThat(emulator().model(PRO).calls() - before).as("no call spent on 4K").isEqualTo(1);
            assertThat(adapted.degraded()).isTrue();
            assertThat(adapted.skipped()).extracting(SkippedStep::reason)
                    .containsExactly(SkippedStep.Reason.RESOLUTION_FAILING);

            emulator().model(PRO).overloadRate("4K", 0.0);
            int requests = 0;
            while (generator(context).generate(ImageRequest.of("a kite")).resolution() != Resolution.FOUR_K
                    || generator(context).generate(ImageRequest.of("a kite")).resolution() != Resolution.FOUR_K) {
                requests++;
                assertThat(requests).as("the recovery is noticed by the one request in ten that still asks 4K")
                        .isLessThan(40);
            }
            List<RecordedCall> calls = emulator().model(PRO).recordedCalls();
            assertThat(calls.get(calls.size() - 1).resolution()).isEqualTo("4K");
        });
    }
}
