package dev.genairesilience.internal.observation;

import dev.genairesilience.chain.PriceList;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Calls to a provider over the sliding window.
 *
 * @param attempts    calls made
 * @param successes   calls that delivered
 * @param successRate {@code successes / attempts}, or {@code null} without calls
 * @param p50Ms       median duration of the calls that delivered, in milliseconds, or {@code null} without any
 * @param p90Ms       90th percentile of the same, or {@code null}
 * @param p99Ms       99th percentile of the same, or {@code null}
 * @param maxMs       the longest of the same, or {@code null}
 * @param spend       what the calls cost, in the currency of {@code genai.providers.<id>.price} (delivered images,
 *                    and failed calls when {@code price.failed-call} is set), or {@code null} when one of them has no
 *                    known cost (an image delivered at a resolution without a price)
 */
public record WindowStats(int attempts, int successes, Double successRate, Long p50Ms, Long p90Ms, Long p99Ms,
        Long maxMs, BigDecimal spend) {

    /** The figures of these calls. */
    static WindowStats of(List<AttemptWindow.Sample> samples) {
        List<Long> delivered = new ArrayList<>();
        List<BigDecimal> costs = new ArrayList<>();
        for (AttemptWindow.Sample sample : samples) {
            if (sample.success()) {
                delivered.add(sample.millis());
            }
            costs.add(sample.cost());
        }
        delivered.sort(null);
        Double rate = samples.isEmpty() ? null : (double) delivered.size() / samples.size();
        return new WindowStats(samples.size(), delivered.size(), rate, percentile(delivered, 0.50),
                percentile(delivered, 0.90), percentile(delivered, 0.99),
                delivered.isEmpty() ? null : delivered.get(delivered.size() - 1),
                PriceList.sum(costs));
    }

    /** Nearest rank: the smallest value with at least {@code p} of the values at or below it. */
    private static Long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
