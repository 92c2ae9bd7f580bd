package dev.genairesilience.chain;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A circuit breaker configuration suited to image generation, for applications with none of their own: it cuts
 * off a provider that is down and leaves alone one that still answers some of its calls (a brownout is for
 * retries and the retry budget, not for the breaker), and it comes back to a recovered provider within seconds.
 *
 * <p><b>Opening.</b> The engine records only provider faults as errors (overloaded, timeout, connection, server
 * error, malformed); rate limits, loading, bad requests and blocked prompts release their permission unrecorded.
 * The breaker opens after {@value #FAULTS_IN_A_ROW} provider faults in a row: a count-based window of that many
 * calls, judged once full, at a 100% failure rate. A dead provider is cut off at its 16th call whatever came
 * before (2 s of traffic at 8 calls a second). Against "every call fails", a success is proof of life, so
 * counting the faults since the last success is the sharpest test there is (a window that forgives some
 * successes, such as 90% of 20, needs 18 calls and opens on a 45% brownout ten times as often). For a provider
 * failing a share {@code p} of its calls at random, each call's verdict opens the breaker with probability
 * {@code p^16} once the window is full; over many calls (first passage, computed exactly over the window's
 * contents):
 * <ul>
 * <li>{@code p = 0.45}: {@code 0.45^16 = 2.8e-6} per call, so also over the first sixteen calls; 0.31% over 2,000
 * calls (about one brownout run in 300). The former default (50% of 20, judged from 5) opened within its first 5
 * calls 41% of the time and, over 2,000 calls, always.</li>
 * <li>{@code p = 0.5}: 1.5% over 2,000 calls; {@code p = 0.6}: 20%; {@code p = 0.7}: 87%.</li>
 * <li>a provider failing 95% of its calls is cut off after 25 calls on average, 90%: 44, 80%: 173.</li>
 * </ul>
 *
 * <p><b>Coming back.</b> Open for {@link #FIRST_OPEN_WAIT} (2 s) after the first opening, then twice as long on
 * each opening that follows a failed half-open spell, at most {@link #LONGEST_OPEN_WAIT} (2, 4, 8, 10, 10 s):
 * Resilience4j counts consecutive openings and starts again from the first once the breaker closes. A short
 * blip costs seconds, and a provider that recovers after a long outage is back in use within 10 s plus one call
 * (a longer cap keeps requests on the user's second choice longer; a shorter one spends more probes).
 * Half-open lets {@value #PROBES} calls through and judges them together by the same 100% rule: one success
 * among them closes the breaker, so one unlucky probe (or two) does not re-open it; only a provider still failing
 * every probe re-opens it (a 45% brownout would 9% of the time). A dead provider costs at most three requests
 * one failed call each per spell; they go on to the next provider.
 *
 * <p>The wait ends on the next request (no automatic transition to half-open): the probes are real calls of
 * that request, no scheduler thread is needed, and the wait is measured on the engine's clock. A 4K image may
 * take minutes, so slowness alone never opens it: every call is bounded by its timeout, and a timeout is a fault.
 *
 * <p>Written as {@code resilience4j.circuitbreaker.configs.default.*} properties, these defaults read:
 * {@code sliding-window-type=COUNT_BASED}, {@code sliding-window-size=16}, {@code minimum-number-of-calls=16},
 * {@code failure-rate-threshold=100}, {@code permitted-number-of-calls-in-half-open-state=3},
 * {@code wait-duration-in-open-state=2s}, {@code enable-exponential-backoff=true},
 * {@code exponential-backoff-multiplier=2}, {@code exponential-max-wait-duration-in-open-state=10s},
 * {@code automatic-transition-from-open-to-half-open-enabled=false}, and a {@code slow-call-duration-threshold}
 * longer than any call; a {@code configs.default} of the application's replaces all of them.
 */
public final class GenAiBreakerDefaults {

    /** Provider faults in a row that open the breaker: the count-based window's size and minimum. */
    public static final int FAULTS_IN_A_ROW = 16;

    /** Calls let through when half-open; the breaker re-opens only if all of them fail. */
    public static final int PROBES = 3;

    /** How long the breaker stays open after its first opening. */
    public static final Duration FIRST_OPEN_WAIT = Duration.ofSeconds(2);

    /** What each opening after a failed half-open spell multiplies the wait by. */
    public static final double OPEN_WAIT_MULTIPLIER = 2.0;

    /** The longest the breaker stays open, however often it re-opened. */
    public static final Duration LONGEST_OPEN_WAIT = Duration.ofSeconds(10);

    /** Longer than any call can last, so that no call counts as slow. */
    public static final Duration NEVER_SLOW = Duration.ofNanos(Long.MAX_VALUE);

    private GenAiBreakerDefaults() {
    }

    /** The defaults, with open-state waits measured on the system clock. */
    public static CircuitBreakerConfig config() {
        return config(Clock.systemUTC());
    }

    /** The defaults, with open-state waits measured on {@code clock} (the engine's {@code genAiClock}). */
    public static CircuitBreakerConfig config(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(FAULTS_IN_A_ROW)
                .minimumNumberOfCalls(FAULTS_IN_A_ROW)
                .failureRateThreshold(100)
                .permittedNumberOfCallsInHalfOpenState(PROBES)
                .waitIntervalFunctionInOpenState(IntervalFunction.ofExponentialBackoff(FIRST_OPEN_WAIT,
                        OPEN_WAIT_MULTIPLIER, LONGEST_OPEN_WAIT))
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .slowCallDurationThreshold(NEVER_SLOW)
                .clock(clock)
                .build();
    }
}
