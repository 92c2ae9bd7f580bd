package dev.genairesilience.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Balanced providers share requests by weight or by calls in flight, and stand in for each other. */
class ProviderBalancerTest {

    private static Map<String, Integer> weights(Object... idsAndWeights) {
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (int i = 0; i < idsAndWeights.length; i += 2) {
            weights.put((String) idsAndWeights[i], (Integer) idsAndWeights[i + 1]);
        }
        return weights;
    }

    @Test
    void byWeightEveryRunOfRequestsIsSplitAsTheWeightsSayAndEvenlyInterleaved() {
        ProviderBalancer balancer = new ProviderBalancer(weights("eu", 2, "us", 1), BalanceBy.WEIGHT);
        List<String> ids = List.of("pro", "eu", "us", "flash");
        Map<String, Integer> firsts = new HashMap<>();
        StringBuilder sequence = new StringBuilder();
        for (int i = 0; i < 900; i++) {
            List<String> order = balancer.order(ids, id -> 0);
            assertThat(order.get(0)).as("members stand at the first member's place").isEqualTo("pro");
            assertThat(order.get(3)).isEqualTo("flash");
            assertThat(order.subList(1, 3)).containsExactlyInAnyOrder("eu", "us");
            firsts.merge(order.get(1), 1, Integer::sum);
            if (i < 6) {
                sequence.append(order.get(1).charAt(0));
            }
        }
        assertThat(firsts).containsEntry("eu", 600).containsEntry("us", 300);
        assertThat(sequence.toString()).as("never a burst of one").isEqualTo("eueeue");
    }

    @Test
    void byLeastInFlightTheOneWithFewestCallsForItsWeightGoesFirst() {
        ProviderBalancer balancer = new ProviderBalancer(weights("eu", 2, "us", 1), BalanceBy.LEAST_IN_FLIGHT);
        Map<String, Integer> inFlight = new HashMap<>(Map.of("eu", 4, "us", 1));

        assertThat(balancer.order(List.of("eu", "us"), inFlight::get)).containsExactly("us", "eu");
        inFlight.put("us", 3);
        assertThat(balancer.order(List.of("eu", "us"), inFlight::get)).containsExactly("eu", "us");
    }

    @Test
    void withOneMemberLeftTheOrderIsTheChains() {
        ProviderBalancer balancer = new ProviderBalancer(weights("eu", 2, "us", 1), BalanceBy.WEIGHT);

        assertThat(balancer.order(List.of("eu", "flash"), id -> 0)).containsExactly("eu", "flash");
    }
}
