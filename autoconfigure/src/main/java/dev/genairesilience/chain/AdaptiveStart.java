package dev.genairesilience.chain;

import dev.genairesilience.Resolution;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where on a chain's degrade ladder a provider's steps start ({@code genai.chains.<name>.adaptive-resolution}): at
 * the asked resolution, unless that is failing on the provider while a lower rung delivers. The guide's "if 2K
 * requests succeed 95% of the time during peak hours while 4K succeeds only 40%, default to 2K": a rung is failing
 * when under half of its recent answers ({@link ResolutionHealth}) delivered and its latest two did not both
 * deliver; a lower rung delivers when at least {@link #GOOD} of its recent answers did. Every {@link #PROBE_EVERY}th
 * request that would start lower still starts at the asked resolution, so that its recovery is noticed; two
 * deliveries in a row there bring every request back to it. A failing resolution is tried once, never retried: a
 * failure there goes down the ladder at once, as the guide says ("retry with 2K resolution parameters").
 * Thread-safe.
 */
final class AdaptiveStart {

    /** The success rate under which a rung is failing. */
    static final double FAILING = 0.5;
    /** The success rate from which a lower rung is worth starting at. */
    static final double GOOD = 0.8;
    /** One request in this many still asks the failing resolution. */
    static final int PROBE_EVERY = 10;
    /** Deliveries in a row at the asked resolution that end the adaptation at once. */
    static final int RECOVERED_AFTER = 2;

    private final AtomicLong turns = new AtomicLong();

    /**
     * Where {@code lane}'s provider should start on {@code ladder} (the asked resolution first, then the lower rungs
     * it can draw), with why; empty to start at the asked one.
     */
    Optional<Start> startFor(ResolutionHealth health, List<Resolution> ladder) {
        if (ladder.size() < 2 || !failing(health, ladder.get(0))) {
            return Optional.empty();
        }
        Resolution asked = ladder.get(0);
        double askedRate = health.successRate(asked).orElseThrow();
        for (Resolution lower : ladder.subList(1, ladder.size())) {
            Optional<Double> rate = health.successRate(lower);
            if (rate.isPresent() && rate.get() >= GOOD) {
                if (turns.incrementAndGet() % PROBE_EVERY == 0) {
                    break;
                }
                return Optional.of(new Start(lower, asked, askedRate, rate.get()));
            }
            if (!failing(health, lower)) {
                // a rung between is neither failing nor known good: the ladder below is tried as usual
                break;
            }
        }
        return Optional.of(new Start(asked, asked, askedRate, Double.NaN));
    }

    /** Whether {@code resolution} is failing: under half its recent answers delivered, and not its latest two. */
    static boolean failing(ResolutionHealth health, Resolution resolution) {
        Optional<Double> rate = health.successRate(resolution);
        return rate.isPresent() && rate.get() < FAILING && !health.lastDelivered(resolution, RECOVERED_AFTER);
    }

    /**
     * Where a provider's steps start while the asked resolution is failing there: lower on the ladder, or at the
     * asked resolution with one attempt and no retry, a failure moving on down the ladder at once (the request that
     * finds out whether it is back, or none lower is known to deliver).
     *
     * @param at        the rung to start at; {@code asked} for one attempt there
     * @param asked     the resolution the request asked
     * @param askedRate the share of recent answers at {@code asked} that delivered
     * @param atRate    the share of recent answers at {@code at} that delivered; NaN when {@code at} is {@code asked}
     */
    record Start(Resolution at, Resolution asked, double askedRate, double atRate) {

        /** Whether the asked resolution is tried, once. */
        boolean once() {
            return at == asked;
        }

        /** Why, for the attempt trail: {@code 4K delivered 20% of recent calls, 2K 90%}. */
        String why() {
            String failing = asked.label() + " delivered " + Math.round(askedRate * 100) + "% of recent calls";
            return once() ? failing : failing + ", " + at.label() + " " + Math.round(atRate * 100) + "%";
        }
    }
}
