package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.testkit.Fault;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two equivalent providers balanced as one step share the chain's requests by weight, and stand in for each other. */
class BalanceOverHttpTest extends EmulatedProvidersTest {

    @Test
    void weightedSharingSplitsAThousandRequestsWithinFivePercentOfTheWeights() {
        run(with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.chains.main.balance.pro=3",
                "genai.chains.main.balance.flash=1"), context -> {
                    Map<String, Integer> served = new HashMap<>();
                    for (int i = 0; i < 1000; i++) {
                        GeneratedImage image = generator(context).generate(ImageRequest.of("a kite"));
                        served.merge(image.provider(), 1, Integer::sum);
                    }
                    assertThat(served.get("pro")).isBetween(700, 800);
                    assertThat(served.get("flash")).isBetween(200, 300);
                    assertThat(emulator().model(PRO).calls() + emulator().model(FLASH).calls()).isEqualTo(1000);
                });
    }

    @Test
    void aRequestPickedForAFailingMemberIsServedByTheOther() {
        emulator().model(FLASH).failNext(1, Fault.OVERLOADED);
        run(with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.chains.main.balance.pro=1",
                "genai.chains.main.balance.flash=1", "genai.retry.max-attempts=1"), context -> {
                    generator(context).generate(ImageRequest.of("a kite"));
                    GeneratedImage second = generator(context).generate(ImageRequest.of("a kite"));

                    assertThat(second.attempts()).extracting(a -> a.provider()).containsExactly("flash", "pro");
                    assertThat(second.provider()).isEqualTo("pro");
                });
    }
}
