package dev.genairesilience.benchmarks.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioTargetsTest {

    private static final ModelEndpoint PRIMARY = Models.GEMINI_PAIR.get(0);
    private static final ModelEndpoint SECONDARY = Models.GEMINI_PAIR.get(1);

    @Test
    void brownoutMarksALowFirstChoiceMissedWithThePrimarysFigures() {
        RunResult balanced = new RunFixture(Models.GEMINI_PAIR).served(156, PRIMARY).served(1044, SECONDARY)
                .counted(PRIMARY, 258, 142).counted(SECONDARY, 1050, 1044).run(StrategyKind.GENAI_RESILIENCE);
        RunResult quality = new RunFixture(Models.GEMINI_PAIR).served(1150, PRIMARY).served(50, SECONDARY)
                .counted(PRIMARY, 2100, 1150).counted(SECONDARY, 50, 50)
                .run(StrategyKind.GENAI_RESILIENCE_QUALITY);
        List<TargetCheck> checks = new BrownoutScenario().targets(Map.of(StrategyKind.GENAI_RESILIENCE, balanced,
                StrategyKind.GENAI_RESILIENCE_QUALITY, quality));

        assertThat(checks).extracting(TargetCheck::target).containsExactly(
                "brownout: ≥ 99.9% success", "brownout: first-choice ≥ 60%",
                "brownout: ≤ 1.7 attempts per request", "brownout: p99 ≤ 10 s", "brownout, quality: first-choice ≥ 95%",
                "brownout, quality: ≤ 1.9 attempts per request", "brownout, quality: ≥ 99.9% success");
        assertThat(check(checks, "brownout: first-choice")).satisfies(c -> {
            assertThat(c.met()).isFalse();
            assertThat(c.measured()).isEqualTo("13.0%");
            assertThat(c.limitedBy()).isEqualTo("the primary served 13.0% of the requests and the fallback "
                    + "87.0%; the primary answered 55.0% of the 258 calls it got with an image");
        });
        assertThat(check(checks, "brownout: ≤ 1.7").measured()).isEqualTo("1.09 attempts/request");
        assertThat(check(checks, "brownout: p99").measured()).isEqualTo("2.0 s");
        assertThat(checks).filteredOn(c -> !c.target().equals("brownout: first-choice ≥ 60%"))
                .allSatisfy(c -> assertThat(c.met()).as(c.target()).isTrue());
        assertThat(check(checks, "brownout, quality: first-choice").measured()).isEqualTo("95.8%");
    }

    @Test
    void brownoutMarksASlowTailAndTooManyQualityAttemptsMissed() {
        RunResult balanced = new RunFixture(Models.GEMINI_PAIR).served(1187, PRIMARY)
                .taking(Duration.ofSeconds(12)).served(13, PRIMARY)
                .counted(PRIMARY, 1200, 1200).run(StrategyKind.GENAI_RESILIENCE);
        RunResult quality = new RunFixture(Models.GEMINI_PAIR).served(1199, PRIMARY).failed(1)
                .counted(PRIMARY, 2300, 1199).counted(SECONDARY, 50, 50).run(StrategyKind.GENAI_RESILIENCE_QUALITY);
        List<TargetCheck> checks = new BrownoutScenario().targets(Map.of(StrategyKind.GENAI_RESILIENCE, balanced,
                StrategyKind.GENAI_RESILIENCE_QUALITY, quality));

        assertThat(check(checks, "brownout: p99")).satisfies(c -> {
            assertThat(c.met()).isFalse();
            assertThat(c.measured()).isEqualTo("12.0 s");
            assertThat(c.limitedBy()).isEqualTo("13 of 1200 requests took longer than 10 s (p50 2.0 s)");
        });
        assertThat(check(checks, "brownout, quality: ≤ 1.9")).satisfies(c -> {
            assertThat(c.met()).isFalse();
            assertThat(c.measured()).isEqualTo("1.96 attempts/request");
            assertThat(c.limitedBy()).isEqualTo("2350 calls for 1200 requests: 2300 to gemini-3-pro-image-preview, "
                    + "50 to gemini-2.5-flash-image");
        });
        assertThat(check(checks, "brownout, quality: ≥ 99.9%")).satisfies(c -> {
            assertThat(c.met()).isTrue();
            assertThat(c.measured()).isEqualTo("99.92%");
        });
    }

    @Test
    void quotaCountsThe429sTheEmulatorAnsweredAndAsksForEveryRequestServed() {
        QuotaScenario scenario = new QuotaScenario();
        ModelEndpoint primary = scenario.models().get(0);
        ModelEndpoint secondary = scenario.models().get(1);
        RunResult storm = new RunFixture(scenario.models()).served(268, primary).served(332, secondary)
                .counted(primary, 320, 268).counted(secondary, 332, 332).run(StrategyKind.GENAI_RESILIENCE);

        List<TargetCheck> checks = scenario.targets(Map.of(StrategyKind.GENAI_RESILIENCE, storm));
        assertThat(check(checks, "quota: 100% success").met()).isTrue();
        assertThat(check(checks, "quota: ≤ 15 answers of 429")).satisfies(c -> {
            assertThat(c.met()).isFalse();
            assertThat(c.measured()).isEqualTo("52 answers of 429");
            assertThat(c.limitedBy()).isEqualTo("52 of the 320 calls the primary got were answered 429; it served "
                    + "44.7% of the requests");
        });
        assertThat(scenario.figures(storm)).containsEntry("429 answers received", "52");

        RunResult polite = new RunFixture(scenario.models()).served(299, primary).served(300, secondary).failed(1)
                .counted(primary, 314, 299).counted(secondary, 300, 300).run(StrategyKind.GENAI_RESILIENCE);
        List<TargetCheck> politeChecks = scenario.targets(Map.of(StrategyKind.GENAI_RESILIENCE, polite));
        assertThat(check(politeChecks, "quota: ≤ 15").met()).isTrue();
        assertThat(check(politeChecks, "quota: 100% success")).satisfies(c -> {
            assertThat(c.met()).isFalse();
            assertThat(c.measured()).isEqualTo("99.83%");
            assertThat(c.limitedBy()).startsWith("1 of 600 requests got no image (");
        });
    }

    @Test
    void coldStartHoldsTheEngineToTheCallsOfThePreviousRun() {
        ColdStartScenario scenario = new ColdStartScenario();
        ModelEndpoint only = scenario.models().get(0);
        RunResult asNow = new RunFixture(scenario.models()).served(240, only).counted(only, 245, 240)
                .run(StrategyKind.GENAI_RESILIENCE);
        RunResult worse = new RunFixture(scenario.models()).served(240, only).counted(only, 246, 240)
                .run(StrategyKind.GENAI_RESILIENCE);

        List<TargetCheck> now = scenario.targets(Map.of(StrategyKind.GENAI_RESILIENCE, asNow));
        assertThat(now).extracting(TargetCheck::target).containsExactly("cold-start: 100% success",
                "cold-start: ≤ 1.02 attempts per request (as before: 245 calls for 240 requests)");
        assertThat(now).allSatisfy(c -> assertThat(c.met()).isTrue());
        assertThat(check(scenario.targets(Map.of(StrategyKind.GENAI_RESILIENCE, worse)), "cold-start: ≤ 1.02"))
                .satisfies(c -> {
                    assertThat(c.met()).isFalse();
                    assertThat(c.measured()).isEqualTo("1.03 attempts/request");
                    assertThat(c.limitedBy()).isEqualTo("246 calls for 240 requests: 246 to "
                            + "stabilityai/stable-diffusion-xl-base-1.0");
                });
    }

    @Test
    void surgeCountsThePrimarysImagesDeliveredWhileTheSurgeLasted() {
        RunResult atCapacity = surgeRun(432, 500);
        List<TargetCheck> met = new SurgeScenario().targets(everyStrategy(atCapacity));
        assertThat(check(met, "surge: primary ≥ 7.2 images/s")).satisfies(c -> {
            assertThat(c.target()).isEqualTo("surge: primary ≥ 7.2 images/s during the surge (capacity 8)");
            assertThat(c.met()).isTrue();
            assertThat(c.measured()).isEqualTo("7.2 images/s");
        });
        assertThat(check(met, "surge: goodput ≥ 99% during the surge").met()).isTrue();
        assertThat(check(met, "surge: goodput ≥ 99% after the drop").met()).isTrue();
        assertThat(check(met, "surge: ≤ 1.3 attempts").met()).isTrue();

        RunResult starved = surgeRun(66, 1200);
        assertThat(check(new SurgeScenario().targets(everyStrategy(starved)), "surge: primary")).satisfies(c -> {
            assertThat(c.met()).isFalse();
            assertThat(c.measured()).isEqualTo("1.1 images/s");
            assertThat(c.limitedBy()).isEqualTo("66 images from the primary in the surge's 60 s; the secondary served "
                    + "894 of the 960 requests arriving during it; over the whole run the primary answered 1134 of "
                    + "its 1200 calls without an image (503 overloaded)");
        });
    }

    @Test
    void surgeGoodputCountsOnlyImagesWithinTheCallersPatience() {
        RunResult late = new RunFixture(Models.GEMINI_PAIR).every(Duration.ofNanos(62_500_000))
                .served(950, SECONDARY).taking(Duration.ofSeconds(61)).served(10, SECONDARY)
                .from(Duration.ofSeconds(60)).every(Duration.ofMillis(250)).taking(Duration.ofSeconds(2))
                .served(480, SECONDARY).counted(SECONDARY, 1440, 1440).run(StrategyKind.GENAI_RESILIENCE);
        assertThat(check(new SurgeScenario().targets(everyStrategy(late)), "surge: goodput ≥ 99% during"))
                .satisfies(c -> {
                    assertThat(c.met()).isFalse();
                    assertThat(c.measured()).isEqualTo("98.96%");
                    assertThat(c.limitedBy()).isEqualTo("10 of the 960 requests arriving during the surge got no "
                            + "image within 60 s");
                });
    }

    @Test
    void outageCountsLateRequestsThatCalledTheDeadPrimaryAndTheTimeUntilItServesAgain() {
        RunResult run = outageRun(48);
        List<TargetCheck> checks = new OutageScenario().targets(Map.of(StrategyKind.GENAI_RESILIENCE, run));
        assertThat(check(checks, "outage: ≤ 1%")).satisfies(c -> {
            assertThat(c.met()).isFalse();
            assertThat(c.measured()).isEqualTo("3.4%");
            assertThat(c.limitedBy()).startsWith("16 of the 472 requests arriving from 2 s into the outage to its end "
                    + "called the primary, 0 of them 10 s or more into it. ").contains("probes that are not users'");
        });
        assertThat(check(checks, "outage: traffic back")).satisfies(c -> {
            assertThat(c.target()).isEqualTo("outage: traffic back on the primary ≤ 15 s after recovery");
            assertThat(c.met()).isTrue();
            assertThat(c.measured()).isEqualTo("12.0 s");
        });

        TargetCheck late = check(new OutageScenario().targets(Map.of(StrategyKind.GENAI_RESILIENCE, outageRun(80))),
                "outage: traffic back");
        assertThat(late.met()).isFalse();
        assertThat(late.measured()).isEqualTo("20.0 s");
        assertThat(late.limitedBy()).endsWith("60 of the 60 requests arriving in the 15 s after it were served by "
                + "the secondary");
    }

    /** 960 surge requests, {@code primaryImages} of them served by the primary; then 480 after the drop. */
    private static RunResult surgeRun(int primaryImages, int primaryCalls) {
        return new RunFixture(Models.GEMINI_PAIR).every(Duration.ofMillis(50))
                .served(primaryImages, PRIMARY).served(960 - primaryImages, SECONDARY)
                .from(Duration.ofSeconds(60)).every(Duration.ofMillis(250)).served(480, SECONDARY)
                .counted(PRIMARY, primaryCalls, primaryImages).counted(SECONDARY, 1440 - primaryImages, 1440)
                .run(StrategyKind.GENAI_RESILIENCE);
    }

    /**
     * 4 requests/s: the primary serves the first 32 s, 16 requests then call it in vain, the secondary serves the
     * rest of the outage and {@code afterRecovery} requests after it, then the primary serves again.
     */
    private static RunResult outageRun(int afterRecovery) {
        return new RunFixture(Models.GEMINI_PAIR).every(Duration.ofMillis(250)).served(128, PRIMARY)
                .servedAfterCallingThePrimary(16).served(456, SECONDARY).served(afterRecovery, SECONDARY)
                .served(40, PRIMARY).run(StrategyKind.GENAI_RESILIENCE);
    }

    private static Map<StrategyKind, RunResult> everyStrategy(RunResult run) {
        Map<StrategyKind, RunResult> runs = new EnumMap<>(StrategyKind.class);
        for (StrategyKind kind : StrategyKind.values()) {
            runs.put(kind, run);
        }
        return runs;
    }

    private static TargetCheck check(List<TargetCheck> checks, String startOfTarget) {
        return checks.stream().filter(c -> c.target().startsWith(startOfTarget)).findFirst().orElseThrow(
                () -> new AssertionError("no target starting with " + startOfTarget + " in " + checks));
    }
}
