package dev.genairesilience.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.Resolution;
import dev.genairesilience.benchmarks.TimeScale;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LoadDriverTest {

    private final TimeScale scale = new TimeScale(0.01);

    @Test
    void arrivalsAreEvenlySpacedWithinEachPhaseAndPhasesFollowEachOther() {
        List<LoadPhase> phases = List.of(new LoadPhase("a", 2, Duration.ofSeconds(10)),
                new LoadPhase("b", 1, Duration.ofSeconds(5)));
        assertThat(phases.get(0).arrivals()).isEqualTo(20);
        assertThat(LoadDriver.arrivalOf(phases, scale, 1)).isEqualTo(Duration.ofMillis(5).toNanos());
        assertThat(LoadDriver.arrivalOf(phases, scale, 21)).isEqualTo(Duration.ofMillis(110).toNanos());
    }

    @Test
    void aPauseHasNoArrivalsAndDelaysTheNextPhase() {
        List<LoadPhase> phases = List.of(new LoadPhase("a", 2, Duration.ofSeconds(1)),
                LoadPhase.pause(Duration.ofSeconds(4)), new LoadPhase("b", 2, Duration.ofSeconds(1)));
        assertThat(phases.get(1).arrivals()).isZero();
        assertThat(LoadDriver.arrivalOf(phases, scale, 2)).isEqualTo(Duration.ofMillis(50).toNanos());
    }

    @Test
    void everyRequestIsRecordedWithItsOutcomeAndModel() throws InterruptedException {
        LoadRun run = new LoadDriver(4, Duration.ofSeconds(5)).run(
                List.of(new LoadPhase("steady", 100, Duration.ofSeconds(1))), scale, Instant.now(),
                index -> {
                    if (index % 2 == 0) {
                        throw new IllegalStateException("even");
                    }
                    return new Delivery("model-" + index, Resolution.TWO_K);
                });
        assertThat(run.records()).hasSize(100);
        assertThat(run.records().get(1).servedBy()).isEqualTo("model-1");
        assertThat(run.records().get(1).resolution()).isEqualTo(Resolution.TWO_K);
        assertThat(run.records().get(2).resolution()).isNull();
        assertThat(run.records().get(2).outcome()).isEqualTo(RequestOutcome.FAILED);
        assertThat(run.records().get(2).failure()).isEqualTo("IllegalStateException");
        assertThat(run.records()).allSatisfy(r -> assertThat(r.endNanos()).isGreaterThanOrEqualTo(r.arrivalNanos()));
    }

    @Test
    void requestsStillRunningAtTheDrainLimitAreUnfinished() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        LoadRun run = new LoadDriver(2, Duration.ofMillis(100)).run(
                List.of(new LoadPhase("steady", 3, Duration.ofSeconds(1))), scale, Instant.now(),
                index -> {
                    never.await();
                    return new Delivery("never", Resolution.ONE_K);
                });
        assertThat(run.records()).hasSize(3).allSatisfy(r ->
                assertThat(r.outcome()).isEqualTo(RequestOutcome.UNFINISHED));
    }
}
