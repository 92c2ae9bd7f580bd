package dev.genairesilience.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void percentilesAreByNearestRank() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 100; i >= 1; i--) {
            histogram.record(i * 1_000_000L);
        }
        assertThat(histogram.percentileNanos(50)).isEqualTo(50_000_000L);
        assertThat(histogram.percentileNanos(99)).isEqualTo(99_000_000L);
        assertThat(histogram.percentileMillis(100)).isEqualTo(100.0);
        assertThat(histogram.count()).isEqualTo(100);
    }

    @Test
    void anEmptyHistogramAnswersZero() {
        assertThat(new LatencyHistogram().percentileNanos(99)).isZero();
    }

    @Test
    void itGrowsBeyondItsFirstCapacity() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 5000; i++) {
            histogram.record(7);
        }
        assertThat(histogram.count()).isEqualTo(5000);
        assertThat(histogram.percentileNanos(50)).isEqualTo(7);
    }
}
