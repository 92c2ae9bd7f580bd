package dev.genairesilience.chain;

import dev.genairesilience.failure.Failure;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The one rule for how long to wait before retrying a step, and whether that wait still fits.
 *
 * <p>The engine's own backoff is "full jitter": a uniform draw in
 * {@code [0, min(maxInterval, initialInterval × multiplier^(n-1))]}, which spreads the retries of many
 * callers instead of synchronising them. A server hint is a floor: the wait is at least the hint, may exceed
 * {@code maxInterval} for it, but never {@code maxServerWait}. A hint longer than {@code maxServerWait}, or one
 * the deadline cannot absorb, means moving on to the next step at once rather than sleeping.
 */
final class RetryDelay {

    /** Jitter from the drawing thread's {@link ThreadLocalRandom}, which must be asked on that thread each time. */
    static final RandomGenerator THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextLong();

    /** The least time worth leaving for a call after a wait: less and the retry is pointless. */
    static final Duration MIN_CALL_TIME = Duration.ofMillis(250);

    private final RetrySettings settings;
    private final RandomGenerator random;

    RetryDelay(RetrySettings settings, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param failure     the failure of the attempt just made
     * @param retryNumber 1 for the first retry of the step, then 2, 3, …
     * @param timeLeft    the time the step may still use
     */
    StepDecision decide(Failure failure, int retryNumber, Duration timeLeft) {
        Duration backoff = jitteredBackoff(retryNumber);
        Duration hint = failure.serverWait();
        Duration wait = backoff;
        if (hint != null) {
            if (hint.compareTo(settings.maxServerWait()) > 0) {
                return StepDecision.nextStep("server asked to wait " + seconds(hint) + ", more than max-server-wait "
                        + seconds(settings.maxServerWait()));
            }
            if (hint.compareTo(timeLeft) >= 0) {
                return StepDecision.nextStep("server asked to wait " + seconds(hint) + ", longer than the time left");
            }
            wait = min(max(hint, backoff), settings.maxServerWait());
        }
        if (wait.plus(MIN_CALL_TIME).compareTo(timeLeft) > 0) {
            return StepDecision.nextStep("no time left for a retry after a " + seconds(wait) + " wait");
        }
        return StepDecision.retryAfter(wait);
    }

    /** A uniform draw in {@code [0, cap(retryNumber)]}, in whole milliseconds as the sleeper takes them. */
    Duration jitteredBackoff(int retryNumber) {
        long cap = cap(retryNumber).toMillis();
        return Duration.ofMillis(cap <= 0 ? 0 : random.nextLong(cap + 1));
    }

    /** {@code min(maxInterval, initialInterval × multiplier^(retryNumber-1))}, safe from overflow. */
    Duration cap(int retryNumber) {
        double grown = settings.initialInterval().toMillis() * Math.pow(settings.multiplier(), retryNumber - 1);
        long max = settings.maxInterval().toMillis();
        return Duration.ofMillis(grown >= max ? max : (long) grown);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
