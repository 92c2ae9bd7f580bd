package dev.genairesilience.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.Attempt;
import dev.genairesilience.Resolution;
import dev.genairesilience.failure.FailureKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's data: calls per provider in buckets, by outcome, over a span that moves on with the clock. */
class AttemptTimelineTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:05Z"));
    private final AttemptTimeline timeline = new AttemptTimeline(clock, Duration.ofSeconds(10), 3);

    @Test
    void callsAreCountedPerProviderBucketAndOutcome() {
        timeline.attemptFinished("chain", attempt("pro", FailureKind.OVERLOADED));
        timeline.attemptFinished("chain", attempt("pro", FailureKind.RATE_LIMITED));
        clock.advance(Duration.ofSeconds(10));
        timeline.attemptFinished("chain", attempt("pro", null));
        timeline.attemptFinished("chain", attempt("flash", FailureKind.TIMEOUT));
        timeline.attemptFinished("chain", attempt("flash", null));

        AttemptTimeline.Snapshot snapshot = timeline.snapshot();

        assertThat(snapshot.bucketSeconds()).isEqualTo(10);
        assertThat(snapshot.from()).isEqualTo("2026-12-01T09:59:50Z");
        assertThat(snapshot.to()).isEqualTo("2026-12-01T10:00:20Z");
        assertThat(snapshot.providers().keySet()).containsExactly("pro", "flash");
        assertThat(snapshot.providers().get("pro")).containsExactly(
                new AttemptTimeline.Bucket("2026-12-01T09:59:50Z", 0, 0, 0, 0),
                new AttemptTimeline.Bucket("2026-12-01T10:00:00Z", 0, 1, 1, 0),
                new AttemptTimeline.Bucket("2026-12-01T10:00:10Z", 1, 0, 0, 0));
        assertThat(snapshot.providers().get("flash").get(2))
                .isEqualTo(new AttemptTimeline.Bucket("2026-12-01T10:00:10Z", 1, 0, 0, 1));
    }

    @Test
    void callsOlderThanTheSpanAreDropped() {
        timeline.attemptFinished("chain", attempt("pro", FailureKind.OVERLOADED));
        clock.advance(Duration.ofSeconds(30));
        timeline.attemptFinished("chain", attempt("flash", null));

        AttemptTimeline.Snapshot snapshot = timeline.snapshot();

        assertThat(snapshot.providers().keySet()).containsExactly("flash");
        List<AttemptTimeline.Bucket> flash = snapshot.providers().get("flash");
        assertThat(flash).hasSize(3);
        assertThat(flash.get(2).success()).isEqualTo(1);
    }

    private static Attempt attempt(String provider, FailureKind failure) {
        Attempt.Builder builder = Attempt.builder(provider, "model").resolution(Resolution.ONE_K)
                .duration(Duration.ofMillis(5));
        return failure == null ? builder.build() : builder.failure(failure, 503).build();
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
