package dev.genairesilience.chain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The rule that leaves room for the fallback: a provider of a plan may use the time left minus what the plan's
 * later, not yet started providers need, so that one that hangs or trickles cannot eat the deadline while the next
 * one idles. Its share is fixed when the execution first reaches it and covers all of its steps (retries and
 * lower rungs of the degrade ladder included).
 *
 * <p>A later provider needs twice the 90th percentile of its recent calls that delivered (at least
 * {@link #MIN_NEED}, at most its timeout), or {@code genai.retry.fallback-reserve} (at most its timeout) while its
 * latency is not known. Providers that cannot answer now (breaker open, held past the deadline, skipped by this
 * execution) need nothing. However much the later ones need, a provider gets at least an equal share of the time
 * left ({@code timeLeft / (1 + later providers)}). The last resort is local and has its own timeout: it needs
 * nothing. One instance per execution.
 */
final class DeadlineShares {

    /** The least kept back for a later provider, however fast it has been: latency varies. */
    static final Duration MIN_NEED = Duration.ofSeconds(1);

    private final ProviderLanes lanes;
    private final Duration fallbackReserve;
    private final Map<String, Instant> ends = new HashMap<>();

    DeadlineShares(ProviderLanes lanes, Duration fallbackReserve) {
        this.lanes = lanes;
        this.fallbackReserve = fallbackReserve;
    }

    /**
     * When the share of {@code steps.get(index)}'s provider ends: fixed now if the execution has not reached that
     * provider before.
     *
     * @param skipped whether the execution already gave a lane up
     */
    Instant shareEnd(List<? extends Step<?>> steps, int index, Instant now, Instant deadline,
            Predicate<String> skipped) {
        String lane = steps.get(index).breakerId();
        Instant known = ends.get(lane);
        if (known != null) {
            return known;
        }
        Duration timeLeft = Duration.between(now, deadline);
        Map<String, Duration> later = laterNeeds(steps, index, timeLeft, skipped);
        Duration reserve = later.values().stream().reduce(Duration.ZERO, Duration::plus);
        Duration share = timeLeft.minus(reserve);
        Duration fair = timeLeft.dividedBy(1 + later.size());
        Instant end = now.plus(share.compareTo(fair) >= 0 ? share : fair);
        ends.put(lane, end);
        return end;
    }

    private Map<String, Duration> laterNeeds(List<? extends Step<?>> steps, int index, Duration timeLeft,
            Predicate<String> skipped) {
        Map<String, Duration> needs = new LinkedHashMap<>();
        String current = steps.get(index).breakerId();
        for (int i = index + 1; i < steps.size(); i++) {
            Step<?> step = steps.get(i);
            String id = step.breakerId();
            if (id.equals(current) || ends.containsKey(id) || needs.containsKey(id) || skipped.test(id)) {
                continue;
            }
            ProviderLane lane = lanes.lane(id);
            if (!lane.breakerAllowsCalls() || lane.heldFor().compareTo(timeLeft) >= 0) {
                continue;
            }
            needs.put(id, need(lane, step.timeout()));
        }
        return needs;
    }

    private Duration need(ProviderLane lane, Duration timeout) {
        Duration need = lane.typicalLatency().map(p90 -> max(p90.multipliedBy(2), MIN_NEED)).orElse(fallbackReserve);
        return need.compareTo(timeout) <= 0 ? need : timeout;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
