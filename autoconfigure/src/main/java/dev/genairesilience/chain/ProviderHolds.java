package dev.genairesilience.chain;

import dev.genairesilience.failure.Failure;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A server's wait hint ({@code Retry-After}, {@code retryDelay}, {@code estimated_time}) speaks for the provider,
 * not only for the call that got it: a spent quota or a loading model answers every caller the same. So the
 * hint holds the whole provider, across executions, until it has passed: other requests move on to another
 * provider, or wait it out when there is none, instead of collecting the same refusal. A hint is honoured up to
 * {@code maxServerWait}, so an absurd one cannot shut a provider out for long.
 */
final class ProviderHolds {

    private final Map<String, Instant> until = new ConcurrentHashMap<>();
    private final Duration maxHold;

    ProviderHolds(Duration maxHold) {
        this.maxHold = maxHold;
    }

    /** Holds {@code id} for the failure's server wait, if it has one, counted from {@code now}. */
    void record(String id, Failure failure, Instant now) {
        Duration wait = failure.serverWait();
        if (wait == null || wait.isZero()) {
            return;
        }
        Instant end = now.plus(wait.compareTo(maxHold) <= 0 ? wait : maxHold);
        until.merge(id, end, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** How long {@code id} is still held at {@code now}; zero when it is not. */
    Duration remaining(String id, Instant now) {
        Instant end = until.get(id);
        if (end == null) {
            return Duration.ZERO;
        }
        if (!end.isAfter(now)) {
            until.remove(id, end);
            return Duration.ZERO;
        }
        return Duration.between(now, end);
    }
}
