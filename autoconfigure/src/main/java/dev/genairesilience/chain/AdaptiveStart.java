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
 * deliveries in a row there bring every request back to it. Thread-safe.
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
        for (Resolution lower : ladder.subList(1, ladder.size())) {
            Optional<Double> rate = health.successRate(lower);
            if (rate.isPresent() && rate.get() >= GOOD) {
                if (turns.incrementAndGet() % PROBE_EVERY == 0) {
                    return Optional.empty();
                }
                return Optional.of(new Start(lower, ladder.get(0), health.successRate(ladder.get(0)).orElseThrow(),
                        rate.get()));
            }
            if (!failing(health, lower)) {
                // a rung between is neither failing nor known good: start there is not better founded than asked
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean failing(ResolutionHealth health, Resolution resolution) {
        Optional<Double> rate = health.successRate(resolution);
        return rate.isPresent() && rate.get() < FAILING && !health.lastDelivered(resolution, RECOVERED_AFTER);
    }

    /**
     * A start lower on the ladder.
     *
     * @param at         the rung to start at
     * @param asked      the resolution the request asked
     * @param askedRate  the share of recent answers at {@code asked} that delivered
     * @param atRate     the share of recent answers at {@code at} that delivered
     */
    record Start(Resolution at, Resolution asked, double askedRate, double atRate) {

        /** Why, for the attempt trail: {@code 4K delivered 20% of recent calls, 2K 90%}. */
        String why() {
            return asked.label() + " delivered " + Math.round(askedRate * 100) + "% of recent calls, " + at.label()
                    + " " + Math.round(atRate * 100) + "%";
        }
    }
}
