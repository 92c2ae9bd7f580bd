package dev.genairesilience.internal.observation;

import dev.genairesilience.chain.RetryBudgetSnapshot;
import java.util.List;
import java.util.Map;

/**
 * What {@code /actuator/genai} answers. Times are ISO-8601 text, durations ISO-8601 too; no keys, no prompts.
 *
 * @param readiness      the application's readiness state ({@code ACCEPTING_TRAFFIC} or {@code REFUSING_TRAFFIC})
 * @param window         how far back the providers' {@code window} figures reach
 * @param chains         every chain, by name
 * @param providers      every configured provider, by id
 * @param warmups        every warm-up target (providers and {@code @WarmOnStartup} methods), by name
 * @param retryBudgets   each provider's retry budget use over its own window, by id
 * @param recentAttempts the last calls made, newest first
 */
record GenAiReport(String readiness, String window, Map<String, Chain> chains, Map<String, Provider> providers,
        Map<String, Warmup> warmups, Map<String, RetryBudgetSnapshot> retryBudgets,
        List<RecentAttempt> recentAttempts) {

    /**
     * A chain.
     *
     * @param status      {@code UP} when one of its providers or its last resort can serve, else {@code DOWN}
     * @param providers   its providers, in order
     * @param lastResort  its last resort, or {@code null}
     * @param serving     those that can serve now
     * @param resolution  the resolution asked by default
     * @param degrade     the lower resolutions it falls back to
     * @param aspectRatio the aspect ratio asked by default
     * @param deadline    the default deadline
     * @param order       its step order
     * @param steps       the steps a request with the defaults tries, in order, as {@code provider/resolution}
     */
    public record Chain(String status, List<String> providers, String lastResort, List<String> serving,
            String resolution, List<String> degrade, String aspectRatio, String deadline, String order,
            List<String> steps) {
    }

    /**
     * A provider.
     *
     * @param type         its type
     * @param model        its model
     * @param status       {@code UP}, {@code DEGRADED}, {@code COLD}, {@code DOWN} or {@code MISCONFIGURED}
     * @param reason       why it is not {@code UP}, or {@code null}
     * @param breaker      its circuit breaker, or {@code null} when it has none
     * @param warmup       its warm-up, or {@code null} when it is not warmed
     * @param probe        its last probe, or {@code null} when it is not probed
     * @param window       its calls over the window, and what they cost ({@code spend})
     * @param byResolution its calls over the window by resolution, and what they cost
     * @param lane         its lane's concurrency limit, calls in flight and hold
     */
    public record Provider(String type, String model, String status, String reason, Breaker breaker, Warmup warmup,
            Probe probe, WindowStats window, Map<String, WindowStats> byResolution, Lane lane) {
    }

    /**
     * A provider's lane now.
     *
     * @param concurrencyLimit the calls it allows in flight, as learned from the provider's capacity answers
     * @param inFlight         its calls in flight
     * @param heldForMs        how long a server's wait hint still holds it, {@code 0} when none does
     * @param learnedQuota     the most calls it starts per {@code genai.retry.quota-window}, as learned from the
     *                         provider's quota refusals; {@code -1} while it has refused none
     */
    public record Lane(int concurrencyLimit, int inFlight, long heldForMs, int learnedQuota) {
    }

    /**
     * A circuit breaker, as Resilience4j counts over its own sliding window.
     *
     * @param state             {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, …
     * @param failureRate       failed calls in percent, or {@code -1} before the minimum number of calls
     * @param bufferedCalls     calls in its window
     * @param failedCalls       failed calls in its window
     * @param notPermittedCalls calls it refused
     */
    public record Breaker(String state, float failureRate, int bufferedCalls, int failedCalls,
            long notPermittedCalls) {
    }

    /**
     * A warm-up target.
     *
     * @param state      {@code PENDING}, {@code WARMING}, {@code WARM} or {@code FAILED}
     * @param since      when it entered that state
     * @param lastWarmed when a warm-up last succeeded, or {@code null}
     * @param warmUps    warm-ups that succeeded, keep-alives included
     * @param problem    why the last one failed, or {@code null}
     */
    public record Warmup(String state, String since, String lastWarmed, int warmUps, String problem) {
    }

    /**
     * A provider's last probe.
     *
     * @param passed              whether it answered
     * @param at                  when
     * @param failure             the failure kind, or {@code null}
     * @param httpStatus          the HTTP status of a failed probe, or {@code 0}
     * @param consecutiveFailures failed probes in a row
     */
    public record Probe(boolean passed, String at, String failure, int httpStatus, int consecutiveFailures) {
    }
}
