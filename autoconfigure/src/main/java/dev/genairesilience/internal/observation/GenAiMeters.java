package dev.genairesilience.internal.observation;

import dev.genairesilience.Attempt;
import dev.genairesilience.Resolution;
import dev.genairesilience.chain.ExecutionListener;
import dev.genairesilience.chain.ExecutionReport;
import dev.genairesilience.chain.Step;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;

/**
 * The engine's Micrometer meters. Every tag is bounded: chains, providers, models and resolutions come from
 * configuration or annotations, outcomes from enums; never a prompt, never a key.
 * <ul>
 * <li>{@value #GENERATIONS} (timer): each finished generation, tagged {@code chain}, {@code provider},
 * {@code model}, {@code resolution} (what delivered, {@code none} when nothing did), {@code outcome}
 * ({@code DELIVERED}, {@code LAST_RESORT}, {@code UNAVAILABLE}, {@code REJECTED}) and {@code degraded}</li>
 * <li>{@value #ATTEMPTS} (timer): each call to a provider, tagged {@code chain}, {@code provider}, {@code model},
 * {@code resolution} and {@code outcome} ({@code OK} or the failure kind, such as {@code OVERLOADED})</li>
 * <li>{@value #FALLBACKS} (counter): generations another provider than the first asked delivered, tagged
 * {@code chain} and {@code provider} (the one that delivered)</li>
 * <li>{@value #DEGRADATIONS} (counter): generations delivered at a lower resolution than asked, tagged
 * {@code chain}, {@code provider} and {@code resolution} (the one delivered)</li>
 * <li>{@value #RETRY_BUDGET_REFUSALS} (counter): retries refused because a provider's retry budget was spent,
 * tagged {@code chain} and {@code provider}</li>
 * <li>{@value #BREAKER_REFUSALS} (counter): steps skipped or cut short because a provider's circuit breaker was
 * open, tagged {@code chain} and {@code provider}</li>
 * <li>{@value #COST} (counter): what the calls to providers cost, in the currency of
 * {@code genai.providers.<id>.price}, tagged {@code chain}, {@code provider}, {@code model} and {@code resolution}:
 * each delivered image's price, and each failed call's {@code failed-call} price when one is configured; a call of
 * no known cost, or that cost nothing, adds nothing</li>
 * </ul>
 */
public final class GenAiMeters implements ExecutionListener {

    /** Timer of finished generations. */
    public static final String GENERATIONS = "genai.generations";
    /** Timer of calls to providers. */
    public static final String ATTEMPTS = "genai.attempts";
    /** Counter of generations delivered by another provider than the first asked. */
    public static final String FALLBACKS = "genai.fallbacks";
    /** Counter of generations delivered at a lower resolution than asked. */
    public static final String DEGRADATIONS = "genai.degradations";
    /** Counter of retries refused by a spent retry budget. */
    public static final String RETRY_BUDGET_REFUSALS = "genai.retry.budget.refusals";
    /** Counter of steps an open circuit breaker skipped or cut short. */
    public static final String BREAKER_REFUSALS = "genai.breaker.refusals";
    /** Counter of steps passed over without a call, by reason ({@code limit}, {@code rate}, {@code held}). */
    public static final String SPILLS = "genai.lane.spills";

    /** Counter of what calls to providers cost. */
    public static final String COST = "genai.cost";

    private static final String NONE = "none";

    private final MeterRegistry registry;

    /** @param registry where the meters go */
    public GenAiMeters(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void attemptFinished(String plan, Attempt attempt) {
        Timer.builder(ATTEMPTS).description("Calls to image providers")
                .tags(Tags.of("chain", plan, "provider", attempt.provider(), "model", orNone(attempt.model()),
                        "resolution", label(attempt.resolution()),
                        "outcome", attempt.succeeded() ? "OK" : attempt.failure().name()))
                .register(registry).record(attempt.duration());
        if (attempt.cost() != null && attempt.cost().signum() > 0) {
            Counter.builder(COST).description("What calls to image providers cost, in the currency of their prices")
                    .tags(Tags.of("chain", plan, "provider", attempt.provider(), "model", orNone(attempt.model()),
                            "resolution", label(attempt.resolution())))
                    .register(registry).increment(attempt.cost().doubleValue());
        }
    }

    @Override
    public void breakerRefused(String plan, Step<?> step) {
        Counter.builder(BREAKER_REFUSALS).description("Steps skipped or cut short by an open circuit breaker")
                .tags("chain", plan, "provider", step.provider()).register(registry).increment();
    }

    @Override
    public void stepSpilled(String plan, Step<?> step, String reason) {
        Counter.builder(SPILLS)
                .description("Steps passed over without a call: lane at its limit or rate, or provider held")
                .tags("chain", plan, "provider", step.provider(), "reason", reason).register(registry).increment();
    }

    @Override
    public void retryBudgetRefused(String plan, Step<?> step) {
        Counter.builder(RETRY_BUDGET_REFUSALS).description("Retries refused because the retry budget was spent")
                .tags("chain", plan, "provider", step.provider()).register(registry).increment();
    }

    @Override
    public void executionFinished(ExecutionReport report) {
        Step<?> delivered = report.delivered();
        String provider = delivered == null ? NONE : delivered.provider();
        String resolution = delivered == null ? NONE : label(delivered.resolution());
        Timer.builder(GENERATIONS).description("Image generations, from request to result or failure")
                .tags(Tags.of("chain", report.plan(), "provider", provider,
                        "model", delivered == null ? NONE : orNone(delivered.model()), "resolution", resolution,
                        "outcome", report.result().name(), "degraded", Boolean.toString(report.degraded())))
                .register(registry).record(report.duration());
        if (report.fellBack()) {
            Counter.builder(FALLBACKS).description("Generations delivered by another provider than the first asked")
                    .tags("chain", report.plan(), "provider", provider).register(registry).increment();
        }
        if (report.resolutionLowered()) {
            Counter.builder(DEGRADATIONS).description("Generations delivered at a lower resolution than asked")
                    .tags("chain", report.plan(), "provider", provider, "resolution", resolution)
                    .register(registry).increment();
        }
    }

    private static String label(Resolution resolution) {
        return resolution == null ? NONE : resolution.label();
    }

    private static String orNone(String value) {
        return value == null ? NONE : value;
    }
}
