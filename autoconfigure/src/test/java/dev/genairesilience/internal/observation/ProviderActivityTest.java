package dev.genairesilience.internal.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.Attempt;
import dev.genairesilience.Resolution;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.testsupport.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderActivityTest {

    private final MutableClock clock = new MutableClock();
    private final ProviderActivity activity = new ProviderActivity(clock, Duration.ofMinutes(5), 1000, 3);

    @Test
    void successRateAndLatencyPercentilesCoverTheCallsThatDelivered() {
        for (int ms = 1; ms <= 100; ms++) {
            activity.attemptFinished("shots", ok("pro", Resolution.TWO_K, ms));
        }
        activity.attemptFinished("shots", failed("pro", FailureKind.OVERLOADED, 503, 5000));

        WindowStats stats = activity.stats("pro");

        assertThat(stats.attempts()).isEqualTo(101);
        assertThat(stats.successes()).isEqualTo(100);
        assertThat(stats.successRate()).isCloseTo(100.0 / 101, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(stats.p50Ms()).isEqualTo(50);
        assertThat(stats.p90Ms()).isEqualTo(90);
        assertThat(stats.p99Ms()).isEqualTo(99);
        assertThat(stats.maxMs()).isEqualTo(100);
    }

    @Test
    void figuresAreKeptPerResolution() {
        activity.attemptFinished("shots", ok("pro", Resolution.FOUR_K, 900));
        activity.attemptFinished("shots", failed("pro", FailureKind.TIMEOUT, 0, 1000));
        activity.attemptFinished("shots", ok("pro", Resolution.ONE_K, 200));

        assertThat(activity.statsByResolution("pro")).containsOnlyKeys("1K", "4K");
        assertThat(activity.statsByResolution("pro").get("4K").successRate()).isEqualTo(0.5);
        assertThat(activity.statsByResolution("pro").get("1K").p50Ms()).isEqualTo(200);
    }

    @Test
    void theWindowAddsUpWhatItsCallsCostOverallAndPerResolution() {
        activity.attemptFinished("shots", delivered(Resolution.TWO_K, "0.134"));
        activity.attemptFinished("shots", Attempt.builder("pro", "pro-model").resolution(Resolution.FOUR_K)
                .failure(FailureKind.OVERLOADED, 503).cost(new BigDecimal("0.01")).build());
        activity.attemptFinished("shots", delivered(Resolution.ONE_K, "0.039"));

        assertThat(activity.stats("pro").spend()).isEqualByComparingTo("0.183");
        assertThat(activity.statsByResolution("pro").get("2K").spend()).isEqualByComparingTo("0.134");
        assertThat(activity.statsByResolution("pro").get("4K").spend()).isEqualByComparingTo("0.01");
        assertThat(activity.stats("unknown").spend()).isEqualByComparingTo("0");

        clock.advance(Duration.ofMinutes(6));
        activity.attemptFinished("shots", delivered(Resolution.ONE_K, "0.039"));
        assertThat(activity.stats("pro").spend()).isEqualByComparingTo("0.039");
    }

    @Test
    void aCallOfNoKnownCostLeavesTheSpendNotKnown() {
        activity.attemptFinished("shots", delivered(Resolution.TWO_K, "0.134"));
        activity.attemptFinished("shots", ok("pro", Resolution.FOUR_K, 10));

        assertThat(activity.stats("pro").spend()).isNull();
        assertThat(activity.statsByResolution("pro").get("2K").spend()).isEqualByComparingTo("0.134");
    }

    @Test
    void callsOlderThanTheWindowNoLongerCount() {
        activity.attemptFinished("shots", failed("pro", FailureKind.OVERLOADED, 503, 10));
        clock.advance(Duration.ofMinutes(6));
        activity.attemptFinished("shots", ok("pro", Resolution.ONE_K, 10));

        assertThat(activity.stats("pro").attempts()).isEqualTo(1);
        assertThat(activity.stats("pro").successRate()).isEqualTo(1.0);
        assertThat(activity.stats("unknown").successRate()).isNull();
        assertThat(activity.stats("unknown").p50Ms()).isNull();
    }

    @Test
    void aWindowHoldsAtMostItsMaximumOfCalls() {
        ProviderActivity small = new ProviderActivity(clock, Duration.ofMinutes(5), 10, 3);
        for (int i = 0; i < 25; i++) {
            small.attemptFinished("shots", ok("pro", Resolution.ONE_K, i));
        }

        assertThat(small.stats("pro").attempts()).isEqualTo(10);
        assertThat(small.stats("pro").maxMs()).isEqualTo(24);
    }

    @Test
    void theLastCallsAreListedNewestFirstUpToTheirNumber() {
        activity.attemptFinished("shots", ok("pro", Resolution.ONE_K, 1));
        activity.attemptFinished("shots", failed("flash", FailureKind.RATE_LIMITED, 429, 2));
        activity.attemptFinished("banners", ok("flash", null, 3));
        activity.attemptFinished("banners", ok("card", null, 4));

        assertThat(activity.recentAttempts()).extracting(RecentAttempt::durationMs).containsExactly(4L, 3L, 2L);
        RecentAttempt limited = activity.recentAttempts().get(2);
        assertThat(limited.chain()).isEqualTo("shots");
        assertThat(limited.outcome()).isEqualTo("RATE_LIMITED");
        assertThat(limited.httpStatus()).isEqualTo(429);
    }

    @Test
    void aKeyOrModelRefusalIsRememberedUntilTheProviderDeliversAgain() {
        activity.attemptFinished("shots", failed("pro", FailureKind.AUTHENTICATION, 401, 5));
        activity.attemptFinished("shots", failed("pro", FailureKind.OVERLOADED, 503, 5));

        assertThat(activity.configurationProblem("pro")).hasValueSatisfying(call -> {
            assertThat(call.outcome()).isEqualTo("AUTHENTICATION");
            assertThat(call.httpStatus()).isEqualTo(401);
        });

        activity.attemptFinished("shots", ok("pro", Resolution.ONE_K, 5));
        assertThat(activity.configurationProblem("pro")).isEmpty();
    }

    private static Attempt ok(String provider, Resolution resolution, long ms) {
        return Attempt.builder(provider, provider + "-model").resolution(resolution).duration(Duration.ofMillis(ms))
                .build();
    }

    private static Attempt delivered(Resolution resolution, String cost) {
        return Attempt.builder("pro", "pro-model").resolution(resolution).cost(new BigDecimal(cost)).build();
    }

    private static Attempt failed(String provider, FailureKind kind, int status, long ms) {
        return Attempt.builder(provider, provider + "-model").resolution(Resolution.FOUR_K).failure(kind, status)
                .duration(Duration.ofMillis(ms)).build();
    }
}
