package dev.genairesilience.benchmarks.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.load.LoadPhase;
import dev.genairesilience.benchmarks.strategy.EngineProperties;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoalesceScenarioTest {

    private final CoalesceScenario scenario = new CoalesceScenario();
    private final ModelEndpoint only = scenario.models().get(0);

    @Test
    void fiveBurstsOfTwentyIdenticalRequestsEachWithinOneSecond() {
        List<LoadPhase> bursts = scenario.phases().stream().filter(p -> p.arrivals() > 0).toList();

        assertThat(bursts).hasSize(5).allSatisfy(p -> {
            assertThat(p.arrivals()).isEqualTo(20);
            assertThat(p.length().toMillis()).isEqualTo(1000);
        });
        assertThat(scenario.prompt(0)).isEqualTo(scenario.prompt(19)).isNotEqualTo(scenario.prompt(20));
        assertThat(Prompts.indexIn(scenario.prompt(0))).isEqualTo(-1);
    }

    @Test
    void onlyTheEnginesChainIsToldToCoalesce() {
        assertThat(EngineProperties.chain(scenario.ask())).containsEntry("genai.chains.bench.coalesce", "true")
                .containsEntry("genai.chains.bench.resolution", "1K");
    }

    @Test
    void theEngineMayMakeAtMostTenProviderCalls() {
        RunResult shared = new RunFixture(scenario.models()).served(100, only).counted(only, 5, 5)
                .run(StrategyKind.GENAI_RESILIENCE);
        RunResult unshared = new RunFixture(scenario.models()).served(100, only).counted(only, 100, 100)
                .run(StrategyKind.GENAI_RESILIENCE);

        assertThat(scenario.targets(Map.of(StrategyKind.GENAI_RESILIENCE, shared))).singleElement().satisfies(c -> {
            assertThat(c.target()).isEqualTo("coalesce: ≤ 10 provider calls for 5 bursts of 20 identical requests");
            assertThat(c.met()).isTrue();
            assertThat(c.measured()).isEqualTo("5 provider calls");
        });
        TargetCheck missed = scenario.targets(Map.of(StrategyKind.GENAI_RESILIENCE, unshared)).get(0);
        assertThat(missed.met()).isFalse();
        assertThat(missed.limitedBy()).isEqualTo("100 calls for 100 requests (100 served) with "
                + "`genai.chains.bench.coalesce=true`: 20.0 per burst of 20 identical requests in flight together");
        assertThat(scenario.figures(unshared)).containsEntry("provider calls for 100 requests", "100")
                .containsEntry("provider calls per burst of 20", "20.0").containsEntry("images delivered", "100");
    }
}
