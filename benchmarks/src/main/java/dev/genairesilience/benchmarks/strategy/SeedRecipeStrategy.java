package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.Resolution;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.Delivery;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderHttpException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code seed-recipe}: the "3-layer defense" of the troubleshooting guide, reproduced from its Python: per model up
 * to 5 attempts ({@code stop_after_attempt(5)}), retrying only a 503, with {@link SeedBackoff}; one
 * {@link SeedCircuitBreaker} shared by all models; then the next model of the two. Any other error, or the
 * retries running out, counts one breaker failure and moves to the next model; nothing left means no image.
 *
 * <p>With a degrade ladder in the scenario's {@link ImageAsk}, the retries step down it as the guide's "Resolution
 * and Quality Fallback Strategies" say ("When your initial request at 4K resolution returns a 503, your code should
 * automatically retry with 2K resolution parameters. If that also fails, drop to HD"): attempt {@code n} asks the
 * ladder's {@code n}-th rung, the last rung for the attempts beyond it; each model starts again at the top.
 */
final class SeedRecipeStrategy implements Strategy {

    private static final int MAX_ATTEMPTS = 5;
    private static final int BREAKER_THRESHOLD = 5;

    private final DirectCalls calls;
    private final SeedBackoff backoff;
    private final SeedCircuitBreaker breaker;
    private final List<Resolution> ladder;

    SeedRecipeStrategy(ProviderLineup lineup, ImageAsk ask, TimeScale scale) {
        this.calls = new DirectCalls(lineup, scale);
        this.ladder = ask.ladder();
        this.backoff = new SeedBackoff(scale.wall(Duration.ofSeconds(2)), scale.wall(Duration.ofSeconds(60)),
                scale.wall(Duration.ofSeconds(5)), () -> ThreadLocalRandom.current().nextLong());
        this.breaker = new SeedCircuitBreaker(BREAKER_THRESHOLD, scale.wall(Duration.ofSeconds(60)),
                System::nanoTime);
    }

    @Override
    public Delivery generate(String prompt) throws Exception {
        for (ImageProvider provider : calls.providers()) {
            if (!breaker.canProceed()) {
                continue;
            }
            try {
                Delivery delivery = generateWithRetry(provider, prompt);
                breaker.recordSuccess();
                return delivery;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                breaker.recordFailure();
            }
        }
        throw new AllModelsFailedException(breaker.isClosed() ? "every model failed" : "circuit breaker open");
    }

    private Delivery generateWithRetry(ImageProvider provider, String prompt) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                return calls.call(provider, prompt, ladder.get(Math.min(attempt, ladder.size()) - 1));
            } catch (ProviderHttpException e) {
                if (e.status() != 503 || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
            TimeUnit.NANOSECONDS.sleep(backoff.after(attempt).toNanos());
        }
    }

    /** The recipe's {@code return None}: no model delivered. */
    static final class AllModelsFailedException extends Exception {
        AllModelsFailedException(String why) {
            super(why);
        }
    }
}
