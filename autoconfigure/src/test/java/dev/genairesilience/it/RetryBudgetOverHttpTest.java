package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.ImageRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** During a total outage, retries stay within the budget's share of first attempts. */
class RetryBudgetOverHttpTest extends EmulatedProvidersTest {

    @Test
    void aTotalOutageDoesNotMultiplyTraffic() {
        emulator().model(PRO).overloadRate(1.0);
        int requests = 100;
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withBean(CircuitBreakerRegistry.class, EmulatedProvidersTest::breakersThatNeverOpen);

        run(runner, with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.retry.max-attempts=5",
                "genai.retry.initial-interval=1ms", "genai.retry.max-interval=2ms", "genai.retry.budget.ratio=0.2",
                "genai.retry.budget.min-retries=5", "genai.retry.budget.window=60s"), context -> {
                    for (int i = 0; i < requests; i++) {
                        assertThat(generator(context).generate(ImageRequest.of("a quiet street")).provider())
                                .isEqualTo("flash");
                    }
                    int retries = emulator().model(PRO).calls() - requests;
                    // without a budget: 4 retries per request, 400 in all
                    assertThat(retries).isBetween(1, 5 + (int) (0.2 * requests));
                });
    }
}
