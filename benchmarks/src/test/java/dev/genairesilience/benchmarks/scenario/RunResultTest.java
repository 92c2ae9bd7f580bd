package dev.genairesilience.benchmarks.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunResultTest {

    private static final ModelEndpoint PRIMARY = Models.GEMINI_PAIR.get(0);
    private static final ModelEndpoint SECONDARY = Models.GEMINI_PAIR.get(1);

    @Test
    void firstChoiceIsTheShareOfAllRequestsThePrimaryServedFailuresIncluded() {
        RunResult run = new RunFixture(Models.GEMINI_PAIR).served(6, PRIMARY).served(3, SECONDARY).failed(1)
                .run(StrategyKind.GENAI_RESILIENCE);
        assertThat(run.firstChoicePercent()).isEqualTo(60.0);
        assertThat(run.fallbackPercent()).isEqualTo(30.0);
        assertThat(run.successPercent()).isEqualTo(90.0);
    }

    @Test
    void withoutAFallbackFirstChoiceIsTheSuccessShare() {
        RunResult run = new RunFixture(Models.GEMINI_PAIR).served(554, PRIMARY).failed(446)
                .run(StrategyKind.NONE);
        assertThat(run.firstChoicePercent()).isEqualTo(run.successPercent()).isEqualTo(55.4);
    }

    @Test
    void refusalsAreTheCallsTheEmulatorAnsweredWithoutAnImage() {
        RunResult run = new RunFixture(Models.GEMINI_PAIR).served(1, PRIMARY)
                .counted(PRIMARY, 320, 268).counted(SECONDARY, 332, 332).run(StrategyKind.GENAI_RESILIENCE);
        assertThat(run.refusalsBy(PRIMARY)).isEqualTo(52);
        assertThat(run.imagesFrom(PRIMARY)).isEqualTo(268);
        assertThat(run.refusalsBy(SECONDARY)).isZero();
        assertThat(run.calls()).isEqualTo(652);
    }

    @Test
    void theTableHasFirstChoiceRightAfterAttemptsPerRequest() {
        RunResult run = new RunFixture(Models.GEMINI_PAIR).served(3, PRIMARY).served(1, SECONDARY)
                .counted(PRIMARY, 5, 3).counted(SECONDARY, 1, 1).run(StrategyKind.GENAI_RESILIENCE);
        String rows = new ScenarioResults(new BrownoutScenario(), Map.of(StrategyKind.GENAI_RESILIENCE, run))
                .tableRows();
        List<String> header = cells(ScenarioResults.TABLE_HEADER.lines().findFirst().orElseThrow());
        List<String> row = cells(rows.lines().findFirst().orElseThrow());
        int column = header.indexOf("first-choice %");
        assertThat(column).isEqualTo(header.indexOf("attempts/request") + 1);
        assertThat(row).hasSameSizeAs(header);
        assertThat(row.get(header.indexOf("attempts/request"))).isEqualTo("1.50");
        assertThat(row.get(column)).isEqualTo("75.0");
    }

    private static List<String> cells(String line) {
        return Arrays.stream(line.substring(1, line.length() - 1).split("\\|")).map(String::trim).toList();
    }
}
