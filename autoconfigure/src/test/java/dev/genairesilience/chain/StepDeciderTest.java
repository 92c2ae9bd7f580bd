package dev.genairesilience.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.chain.StepDecision.Action;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one rule for what follows a failed attempt, as a table: failure × attempts × time × alternative × policy. */
class StepDeciderTest {

    private final StepDecider decider = new StepDecider(Engine.settings(),
            new RetryDelay(Engine.settings(), new Random(5)));

    @ParameterizedTest(name = "{0} hint={1}s attempt {2} with {3}s left, alternative={4}, {5}, {6} -> {7}")
    @CsvSource({
            // kind,          hint, attempts, time left, alternative, on blocked,  prefer,   action
            "OVERLOADED,        -1,   1,        30,    true,        REJECT,        BALANCED, RETRY",
            "OVERLOADED,        -1,   3,        30,    true,        REJECT,        BALANCED, NEXT_STEP",
            "OVERLOADED,        -1,   1,         0,    false,       REJECT,        BALANCED, NEXT_STEP",
            "OVERLOADED,        -1,   3,        30,    true,        REJECT,        QUALITY,  RETRY",
            "OVERLOADED,        -1,   9,        30,    false,       REJECT,        QUALITY,  RETRY",
            "OVERLOADED,        -1,   3,         0,    true,        REJECT,        QUALITY,  NEXT_STEP",
            "OVERLOADED,        -1,   1,        30,    true,        REJECT,        LATENCY,  NEXT_STEP",
            "OVERLOADED,        -1,   1,        30,    false,       REJECT,        LATENCY,  RETRY",
            "SERVER_ERROR,      -1,   2,        30,    false,       REJECT,        BALANCED, RETRY",
            "SERVER_ERROR,      -1,   1,        30,    true,        REJECT,        LATENCY,  RETRY",
            "TIMEOUT,           -1,   1,        30,    false,       REJECT,        BALANCED, RETRY",
            "TIMEOUT,           -1,   1,         0,    true,        REJECT,        BALANCED, NEXT_STEP",
            "CONNECTION,        -1,   1,        30,    true,        REJECT,        BALANCED, RETRY",
            "MALFORMED,         -1,   1,        30,    true,        REJECT,        BALANCED, RETRY",
            "RATE_LIMITED,       2,   1,        30,    true,        REJECT,        BALANCED, NEXT_STEP",
            "RATE_LIMITED,       2,   1,        30,    false,       REJECT,        BALANCED, RETRY",
            "RATE_LIMITED,       2,   1,         2,    false,       REJECT,        BALANCED, NEXT_STEP",
            "RATE_LIMITED,      60,   1,       120,    false,       REJECT,        BALANCED, NEXT_STEP",
            "RATE_LIMITED,      -1,   1,        30,    true,        REJECT,        LATENCY,  NEXT_STEP",
            "MODEL_LOADING,      3,   1,        30,    false,       REJECT,        BALANCED, RETRY",
            "MODEL_LOADING,      3,   1,        30,    true,        REJECT,        BALANCED, NEXT_STEP",
            "BAD_REQUEST,       -1,   1,        30,    true,        NEXT_PROVIDER, QUALITY,  REJECT",
            "AUTHENTICATION,    -1,   1,        30,    true,        REJECT,        QUALITY,  SKIP_PROVIDER",
            "MODEL_NOT_FOUND,   -1,   1,        30,    false,       REJECT,        BALANCED, SKIP_PROVIDER",
            "CONTENT_BLOCKED,   -1,   1,        30,    true,        REJECT,        BALANCED, REJECT",
            "CONTENT_BLOCKED,   -1,   1,        30,    true,        NEXT_PROVIDER, BALANCED, SKIP_PROVIDER",
            "CONTENT_BLOCKED,   -1,   1,        30,    false,       NEXT_PROVIDER, QUALITY,  SKIP_PROVIDER",
            "UNKNOWN,           -1,   1,        30,    true,        REJECT,        QUALITY,  NEXT_STEP",
    })
    void decidesWhatFollowsAFailedAttempt(FailureKind kind, int hintSeconds, int attempts, int secondsLeft,
            boolean alternative, ContentBlockedAction onBlocked, Preference prefer, Action expected) {
        Duration hint = hintSeconds < 0 ? null : Duration.ofSeconds(hintSeconds);

        StepDecision decision = decider.decide(new Failure(kind, 0, hint, null), attempts,
                Duration.ofSeconds(secondsLeft), alternative, new StepPolicy(onBlocked, prefer));

        assertThat(decision.action()).isEqualTo(expected);
        if (expected == Action.RETRY) {
            assertThat(decision.delay()).isLessThan(Duration.ofSeconds(secondsLeft));
            if (hint != null) {
                assertThat(decision.delay()).isGreaterThanOrEqualTo(hint);
            }
        } else {
            assertThat(decision.reason()).isNotBlank();
        }
    }
}
