package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.testkit.Fault;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

/** A chain {@code [bfl, stability, gemini]} delivers through each in turn as the one before it is made to fail. */
class AsyncAndMultipartChainOverHttpTest extends EmulatedProvidersTest {

    private List<String> chain() {
        List<String> p = new ArrayList<>(provider("gemini", "gemini", FLASH));
        p.addAll(provider("flux", "bfl", "flux-pro-1.1"));
        p.addAll(provider("sd", "stability", "core"));
        p.add("genai.chains.main.providers=flux,sd,gemini");
        p.add("genai.retry.max-attempts=1");
        p.addAll(fastRetries());
        return p;
    }

    @Test
    void eachProviderDeliversWhenTheOnesBeforeItFail() {
        emulator().model("flux-pro-1.1").expectApiKey(API_KEY).pendingPolls(1);
        emulator().model("core").expectApiKey(API_KEY);
        run(chain(), context -> {
            assertThat(generate(context).provider()).isEqualTo("flux");

            emulator().model("flux-pro-1.1").failNext(1, Fault.SERVER_ERROR);
            GeneratedImage second = generate(context);
            assertThat(second.provider()).isEqualTo("sd");
            assertThat(second.degraded()).isTrue();

            emulator().model("flux-pro-1.1").failNext(1, Fault.OVERLOADED);
            emulator().model("core").failNext(1, Fault.OVERLOADED);
            GeneratedImage third = generate(context);
            assertThat(third.provider()).isEqualTo("gemini");
            assertThat(third.attempts()).extracting(a -> a.provider()).containsExactly("flux", "sd", "gemini");
        });
    }

    private static GeneratedImage generate(AssertableApplicationContext context) {
        return generator(context).generate(ImageRequest.of("a red bicycle"));
    }
}
