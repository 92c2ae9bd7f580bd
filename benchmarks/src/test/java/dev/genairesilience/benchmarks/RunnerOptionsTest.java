package dev.genairesilience.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunnerOptionsTest {

    @Test
    void onlyRunsTheNamedPartsAndKeepsTheirOrder() {
        RunnerOptions options = RunnerOptions.parse("--only= surge,brownout ,,scale");
        assertThat(options.only()).containsExactly("surge", "brownout", "scale");
        assertThat(options.runs("brownout")).isTrue();
        assertThat(options.runs("scale")).isTrue();
        assertThat(options.runs("outage")).isFalse();
        assertThat(options.runs("overhead")).isFalse();
    }

    @Test
    void theEmptyValuesMavenPassesByDefaultRunEverythingAndRewriteResultsMd() {
        RunnerOptions options = RunnerOptions.parse("--factor=0.05", "--only=", "--results=");
        assertThat(options.only()).isEmpty();
        assertThat(RunnerOptions.parts()).allSatisfy(part -> assertThat(options.runs(part)).isTrue());
        assertThat(options.results()).isEqualTo(Path.of("RESULTS.md"));
    }

    @Test
    void aPartialRunWritesUnderTargetNamedAfterItsPartsUnlessToldWhere() {
        assertThat(RunnerOptions.parse("--only=brownout,overhead").results())
                .isEqualTo(Path.of("target", "RESULTS-brownout-overhead.md"));
        assertThat(RunnerOptions.parse("--only=brownout", "--results=/tmp/bench-brownout.md").results())
                .isEqualTo(Path.of("/tmp/bench-brownout.md"));
        assertThat(RunnerOptions.parse("--only=quota", "--results=RESULTS.md").results())
                .isEqualTo(Path.of("RESULTS.md"));
    }

    @Test
    void thePartsAreTheScenariosInTableOrderThenScaleSharedQuotaAndOverhead() {
        assertThat(RunnerOptions.parts())
                .containsExactly("brownout", "outage", "cold-start", "quota", "surge", "resolution-brownout",
                        "coalesce", "scale", "shared-quota", "overhead");
    }

    @Test
    void anUnknownPartIsRefusedNamingThePropertyAndTheKnownParts() {
        assertThatThrownBy(() -> RunnerOptions.parse("--only=brownout,brownot"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("benchmarks.only")
                .hasMessageContaining("brownot")
                .hasMessageContaining("known parts: brownout, outage, cold-start, quota, surge, resolution-brownout, "
                        + "coalesce, scale, shared-quota, overhead");
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertThatThrownBy(() -> RunnerOptions.parse("--onyl=brownout"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--onyl");
    }
}
