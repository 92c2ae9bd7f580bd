package dev.genairesilience.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeScaleTest {

    private final TimeScale scale = new TimeScale(0.05);

    @Test
    void aScenarioDurationTakesTheFactorOfItInWallTime() {
        assertThat(scale.wall(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aMeasuredWallTimeStandsForItsScenarioTime() {
        assertThat(scale.scenario(Duration.ofMillis(100))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aPropertyIsWholeMillisecondsAndNeverZero() {
        assertThat(scale.property(Duration.ofMillis(500))).isEqualTo("25ms");
        assertThat(new TimeScale(0.001).property(Duration.ofMillis(100))).isEqualTo("1ms");
    }

    @Test
    void aFactorOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new TimeScale(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeScale(2)).isInstanceOf(IllegalArgumentException.class);
    }
}
