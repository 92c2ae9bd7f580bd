package dev.genairesilience.benchmarks.scenario;

import static dev.genairesilience.Resolution.FOUR_K;
import static dev.genairesilience.Resolution.ONE_K;
import static dev.genairesilience.Resolution.TWO_K;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolutionBrownoutScenarioTest {

    private static final ModelEndpoint PRIMARY = Models.GEMINI_PAIR.get(0);
    private static final ModelEndpoint SECONDARY = Models.GEMINI_PAIR.get(1);
    private static final Duration HALF = Duration.ofSeconds(60);

    private final ResolutionBrownoutScenario scenario = new ResolutionBrownoutScenario();

    @Test
    void eachHalfCountsItsOwnRequestsCallsAndResolutions() {
        RunResult run = fixture().served(100, PRIMARY, TWO_K, "4K", "2K").served(10, PRIMARY, FOUR_K, "4K")
                .served(10, SECONDARY, ONE_K, "4K", "2K", "1K")
                .from(HALF).served(108, PRIMARY, FOUR_K, "4K").served(12, PRIMARY, TWO_K, "2K")
                .run(StrategyKind.GENAI_RESILIENCE);

        Map<String, String> figures = scenario.figures(run);

        assertThat(figures).containsEntry("success, first half / second half", "100.0% / 100.0%")
                .containsEntry("attempts/request, first half / second half", "2.00 / 1.00")
                // 100 × 2 + 10 + 10 × 3 = 240 calls for 120 images: 120 failed calls
                .containsEntry("failed calls per delivered image, first half", "1.00")
                .containsEntry("failed calls per delivered image, second half", "0.00")
                .containsEntry("delivered at 4K / 2K / 1K, first half", "8.3% / 83.3% / 8.3%")
                .containsEntry("delivered at 4K / 2K / 1K, second half", "90.0% / 10.0% / 0.0%")
                .containsEntry("first call at 4K", "95.0%");
    }

    @Test
    void aStrategyThatDeliversNothingHasNoFailedCallsPerImage() {
        RunResult run = fixture().failedAfter(120, "4K").from(HALF).served(120, PRIMARY, FOUR_K, "4K")
                .run(StrategyKind.NONE);

        assertThat(scenario.figures(run)).containsEntry("failed calls per delivered image, first half", "no image")
                .containsEntry("success, first half / second half", "0.0% / 100.0%");
    }

    @Test
    void theEngineMustFailAtMostHalfAsManyCallsPerImageAsTheBestOtherStrategy() {
        Map<StrategyKind, RunResult> runs = others();
        runs.put(StrategyKind.GENAI_RESILIENCE, fixture().served(100, PRIMARY, TWO_K, "4K", "2K")
                .served(20, PRIMARY, FOUR_K, "4K").from(HALF).served(120, PRIMARY, FOUR_K, "4K")
                .run(StrategyKind.GENAI_RESILIENCE));

        TargetCheck check = check(scenario.targets(runs), "resolution-brownout: failed calls");

        assertThat(check.target()).isEqualTo("resolution-brownout: failed calls per delivered image over the first "
                + "half ≤ half the best other strategy's");
        assertThat(check.met()).isFalse();
        assertThat(check.measured()).isEqualTo("0.83 (half of seed-recipe's 1.00: 0.50)");
        assertThat(check.limitedBy()).isEqualTo("220 calls for 120 images to the 120 requests of the first half, "
                + "delivered at 4K / 2K / 1K: 16.7% / 83.3% / 0.0%");

        runs.put(StrategyKind.GENAI_RESILIENCE, fixture().served(110, PRIMARY, TWO_K, "2K")
                .served(10, PRIMARY, FOUR_K, "4K", "4K").from(HALF).served(120, PRIMARY, FOUR_K, "4K")
                .run(StrategyKind.GENAI_RESILIENCE));
        assertThat(check(scenario.targets(runs), "resolution-brownout: failed calls")).satisfies(c -> {
            assertThat(c.met()).isTrue();
            assertThat(c.measured()).isEqualTo("0.08 (half of seed-recipe's 1.00: 0.50)");
        });
    }

    @Test
    void theSecondHalfMustDeliverNineImagesInTenAt4K() {
        Map<StrategyKind, RunResult> runs = others();
        runs.put(StrategyKind.GENAI_RESILIENCE, fixture().served(120, PRIMARY, TWO_K, "2K")
                .from(HALF).served(100, PRIMARY, FOUR_K, "4K").served(20, PRIMARY, TWO_K, "2K")
                .run(StrategyKind.GENAI_RESILIENCE));

        TargetCheck missed = check(scenario.targets(runs), "resolution-brownout: ≥ 90%");

        assertThat(missed.target()).isEqualTo("resolution-brownout: ≥ 90% of the second half's images at 4K");
        assertThat(missed.met()).isFalse();
        assertThat(missed.measured()).isEqualTo("83.3%");
        assertThat(missed.limitedBy()).isEqualTo("of the 120 images delivered to the 120 requests of the second "
                + "half, at 4K / 2K / 1K: 83.3% / 16.7% / 0.0%; they made 100 calls at 4K");
        assertThat(check(scenario.targets(runs), "resolution-brownout: 100% success").met()).isTrue();
    }

    @Test
    void underQualityEveryRequestsFirstCallMustAskFor4K() {
        Map<StrategyKind, RunResult> runs = others();
        runs.put(StrategyKind.GENAI_RESILIENCE_QUALITY, fixture().served(117, PRIMARY, TWO_K, "4K", "2K")
                .served(1, PRIMARY, TWO_K, "2K").servedBySecondaryOnly(1).failedAfter(1)
                .from(HALF).served(120, PRIMARY, FOUR_K, "4K").run(StrategyKind.GENAI_RESILIENCE_QUALITY));

        TargetCheck check = check(scenario.targets(runs), "resolution-brownout, quality");

        assertThat(check.target()).isEqualTo("resolution-brownout, quality: the asked resolution (4K) is always "
                + "tried first");
        assertThat(check.met()).isFalse();
        assertThat(check.measured()).isEqualTo("237 of 240 requests");
        assertThat(check.limitedBy()).isEqualTo("first calls at 2K: 1, at 1K: 1 (1 first calls went to another model "
                + "than the primary, which was passed over); requests without a call: 1");
    }

    /** The three other strategies, seed-recipe the best at 1 failed call per image, and both engine rows fine. */
    private static Map<StrategyKind, RunResult> others() {
        Map<StrategyKind, RunResult> runs = new EnumMap<>(StrategyKind.class);
        runs.put(StrategyKind.NONE, fixture().served(30, PRIMARY, FOUR_K, "4K").failedAfter(90, "4K")
                .from(HALF).served(120, PRIMARY, FOUR_K, "4K").run(StrategyKind.NONE));
        runs.put(StrategyKind.SEED_RECIPE, fixture().served(120, PRIMARY, TWO_K, "4K", "2K")
                .from(HALF).served(120, PRIMARY, FOUR_K, "4K").run(StrategyKind.SEED_RECIPE));
        runs.put(StrategyKind.SPRING_AI_RETRY, fixture().served(120, PRIMARY, FOUR_K, "4K", "4K", "4K")
                .from(HALF).served(120, PRIMARY, FOUR_K, "4K").run(StrategyKind.SPRING_AI_RETRY));
        RunResult fine = fixture().served(120, PRIMARY, TWO_K, "2K").from(HALF).served(120, PRIMARY, FOUR_K, "4K")
                .run(StrategyKind.GENAI_RESILIENCE);
        runs.put(StrategyKind.GENAI_RESILIENCE, fine);
        runs.put(StrategyKind.GENAI_RESILIENCE_QUALITY, fixture().served(120, PRIMARY, TWO_K, "4K", "2K")
                .from(HALF).served(120, PRIMARY, FOUR_K, "4K").run(StrategyKind.GENAI_RESILIENCE_QUALITY));
        return runs;
    }

    private static RunFixture fixture() {
        return new RunFixture(Models.GEMINI_PAIR);
    }

    private static TargetCheck check(List<TargetCheck> checks, String prefix) {
        return checks.stream().filter(c -> c.target().startsWith(prefix)).findFirst().orElseThrow();
    }
}
