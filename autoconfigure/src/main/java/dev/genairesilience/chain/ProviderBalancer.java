package dev.genairesilience.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Shares one chain's requests among its balanced providers ({@code genai.chains.<name>.balance}): equivalent
 * providers, such as two keys or two regions of one model, that stand as one step of the chain. Each request gets
 * them as a group at the place of the first of them in the chain's provider list: the one picked for it first, the
 * others after it, so that they still stand in for each other. {@link BalanceBy#WEIGHT} picks by smooth weighted
 * round robin, so any run of requests is split as the weights say, give or take one; {@link
 * BalanceBy#LEAST_IN_FLIGHT} picks the one with the fewest calls in flight per unit of weight, equal ones by weighted
 * round robin. Thread-safe.
 */
final class ProviderBalancer {

    private final Map<String, Integer> weights;
    private final BalanceBy by;
    private final Map<String, Long> current = new LinkedHashMap<>();

    /** @param weights the balanced providers' weights, each at least 1, in the chain's order */
    ProviderBalancer(Map<String, Integer> weights, BalanceBy by) {
        this.weights = new LinkedHashMap<>(weights);
        this.by = by;
        weights.keySet().forEach(id -> current.put(id, 0L));
    }

    /**
     * {@code ids} (the chain's available providers, in order) with its balanced ones grouped at the first one's place,
     * the one picked for this request first.
     *
     * @param inFlight each provider's calls in flight now
     */
    List<String> order(List<String> ids, ToIntFunction<String> inFlight) {
        List<String> members = ids.stream().filter(weights::containsKey).toList();
        if (members.size() < 2) {
            return ids;
        }
        String picked = pick(members, inFlight);
        List<String> ordered = new ArrayList<>();
        for (String id : ids) {
            if (!weights.containsKey(id)) {
                ordered.add(id);
            } else if (id.equals(members.get(0))) {
                ordered.add(picked);
                members.stream().filter(m -> !m.equals(picked)).forEach(ordered::add);
            }
        }
        return ordered;
    }

    private synchronized String pick(List<String> members, ToIntFunction<String> inFlight) {
        List<String> candidates = members;
        if (by == BalanceBy.LEAST_IN_FLIGHT) {
            double least = members.stream().mapToDouble(id -> load(id, inFlight)).min().orElse(0);
            candidates = members.stream().filter(id -> load(id, inFlight) == least).toList();
        }
        long total = 0;
        String best = null;
        for (String id : candidates) {
            int weight = weights.get(id);
            total += weight;
            long now = current.merge(id, (long) weight, Long::sum);
            if (best == null || now > current.get(best)) {
                best = id;
            }
        }
        current.merge(best, -total, Long::sum);
        return best;
    }

    private double load(String id, ToIntFunction<String> inFlight) {
        return inFlight.applyAsInt(id) / (double) weights.get(id);
    }
}
