package dev.genairesilience.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureClassification;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.support.RetryTemplate;

class GenAiRetryTemplatesTest {

    private static final Failure OVERLOADED = Failure.of(FailureKind.OVERLOADED);

    private final MutableClock clock = new MutableClock();
    private final AdvancingSleeper sleeper = new AdvancingSleeper(clock);
    private final RetrySettings settings = Engine.settingsBuilder().maxAttempts(4).build();

    @Test
    void retriesOnlyTheRetryableKindsAndThrowsTheLastFailureAsItIs() {
        for (FailureKind kind : FailureKind.values()) {
            AtomicInteger calls = new AtomicInteger();
            FailureException failure = new FailureException(Failure.of(kind));

            assertThatThrownBy(() -> template(Duration.ofMinutes(1)).execute(failing(calls, failure)))
                    .as(kind.name()).isSameAs(failure);
            assertThat(calls).as(kind.name()).hasValue(kind.retryable() ? settings.maxAttempts() : 1);
        }
    }

    @Test
    void anExceptionNoClassifierKnowsIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> template(Duration.ofMinutes(1)).execute(context -> {
            calls.incrementAndGet();
            throw new IllegalStateException("an SDK's own exception");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aRetryThatSucceedsReturnsItsValue() throws Exception {
        AtomicInteger calls = new AtomicInteger();

        String answer = template(Duration.ofMinutes(1)).execute(context -> {
            if (calls.incrementAndGet() < 3) {
                throw new FailureException(OVERLOADED);
            }
            return "answer";
        });

        assertThat(answer).isEqualTo("answer");
        assertThat(sleeper.sleeps()).hasSize(2);
    }

    @Test
    void classifiesEachExceptionOnce() {
        AtomicInteger classified = new AtomicInteger();
        FailureClassification counting = new FailureClassification(List.of(error -> {
            classified.incrementAndGet();
            return FailureException.classification().classify(error);
        }));
        RetryTemplate template = GenAiRetryTemplates.classifyingWith(counting).settings(settings)
                .deadline(Duration.ofMinutes(1)).clock(clock).sleeper(sleeper).build();

        assertThatThrownBy(() -> template.execute(failing(new AtomicInteger(), new FailureException(OVERLOADED))))
                .isInstanceOf(FailureException.class);
        assertThat(classified).hasValue(settings.maxAttempts());
    }

    @Test
    void theBackoffIsAFullJitterDrawUnderTheExponentialCap() {
        List<Duration> caps = List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        List<Duration> firstWaits = new ArrayList<>();
        for (int run = 0; run < 200; run++) {
            List<Instant> starts = new ArrayList<>();
            assertThatThrownBy(() -> template(Duration.ofMinutes(1)).execute(context -> {
                starts.add(clock.instant());
                throw new FailureException(OVERLOADED);
            })).isInstanceOf(FailureException.class);
            assertThat(starts).hasSize(4);
            for (int retry = 1; retry < starts.size(); retry++) {
                assertThat(Duration.between(starts.get(retry - 1), starts.get(retry)))
                        .isBetween(Duration.ZERO, caps.get(retry - 1));
            }
            firstWaits.add(Duration.between(starts.get(0), starts.get(1)));
        }
        assertThat(firstWaits).anyMatch(wait -> wait.compareTo(Duration.ofMillis(50)) < 0)
                .anyMatch(wait -> wait.compareTo(Duration.ofMillis(50)) > 0);
    }

    @Test
    void aServerHintIsTheFloorOfEachWaitEvenAboveMaxInterval() {
        Failure rateLimited = new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(3), null);

        assertThatThrownBy(() -> template(Duration.ofMinutes(1))
                .execute(failing(new AtomicInteger(), new FailureException(rateLimited))))
                .isInstanceOf(FailureException.class);

        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(3));
    }

    @Test
    void aHintLongerThanMaxServerWaitEndsTheRetriesWithoutAWait() {
        AtomicInteger calls = new AtomicInteger();
        Failure rateLimited = new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(6), null);

        assertThatThrownBy(() -> template(Duration.ofMinutes(1)).execute(failing(calls,
                new FailureException(rateLimited)))).isInstanceOf(FailureException.class);

        assertThat(calls).hasValue(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void noWaitOutlastsTheDeadlineAndNoCallStartsAfterIt() {
        Instant deadline = clock.instant().plus(Duration.ofSeconds(10));
        List<Instant> starts = new ArrayList<>();
        Failure overloaded = new Failure(FailureKind.OVERLOADED, 503, Duration.ofSeconds(2), null);
        RetryTemplate template = GenAiRetryTemplates.classifyingWith(FailureException.classification())
                .settings(Engine.settingsBuilder().maxAttempts(100).build())
                .deadline(Duration.ofSeconds(10)).clock(clock).sleeper(sleeper).build();

        assertThatThrownBy(() -> template.execute(context -> {
            starts.add(clock.instant());
            clock.advance(Duration.ofMillis(1500));
            throw new FailureException(overloaded);
        })).isInstanceOf(FailureException.class);

        // calls of 1.5s with 2s waits between: at 0, 3.5 and 7; a third wait would end at 10.5s
        assertThat(starts).hasSize(3).allMatch(start -> start.isBefore(deadline));
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void aHintThatTheDeadlineCannotAbsorbEndsTheRetriesWithoutAWait() {
        AtomicInteger calls = new AtomicInteger();
        Failure rateLimited = new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(4), null);

        assertThatThrownBy(() -> template(Duration.ofSeconds(3)).execute(failing(calls,
                new FailureException(rateLimited)))).isInstanceOf(FailureException.class);

        assertThat(calls).hasValue(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void eachExecuteCountsItsDeadlineAfresh() {
        RetryTemplate template = template(Duration.ofSeconds(10));
        Failure overloaded = new Failure(FailureKind.OVERLOADED, 503, Duration.ofSeconds(1), null);
        AtomicInteger slowCalls = new AtomicInteger();
        assertThatThrownBy(() -> template.execute(context -> {
            slowCalls.incrementAndGet();
            clock.advance(Duration.ofSeconds(9));
            throw new FailureException(overloaded);
        })).isInstanceOf(FailureException.class);

        AtomicInteger quickCalls = new AtomicInteger();
        assertThatThrownBy(() -> template.execute(failing(quickCalls, new FailureException(overloaded))))
                .isInstanceOf(FailureException.class);

        assertThat(slowCalls).hasValue(1);
        assertThat(quickCalls).hasValue(settings.maxAttempts());
    }

    @Test
    void aBuilderWithoutSettingsOrDeadlineSaysWhatItNeeds() {
        assertThatThrownBy(() -> GenAiRetryTemplates.classifyingWith(FailureException.classification())
                .settings(settings).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("deadline(...)");
    }

    /** One seeded jitter source for the whole test, so that its draws are repeatable yet differ per retry. */
    private final Random random = new Random(42);

    private RetryTemplate template(Duration deadline) {
        return GenAiRetryTemplates.classifyingWith(FailureException.classification()).settings(settings)
                .deadline(deadline).clock(clock).sleeper(sleeper).random(random).build();
    }

    private static RetryCallback<String, FailureException> failing(AtomicInteger calls, FailureException failure) {
        return context -> {
            calls.incrementAndGet();
            throw failure;
        };
    }
}
