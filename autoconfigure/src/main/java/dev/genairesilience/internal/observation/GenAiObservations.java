package dev.genairesilience.internal.observation;

import dev.genairesilience.Attempt;
import dev.genairesilience.Resolution;
import dev.genairesilience.chain.ExecutionObserver;
import dev.genairesilience.chain.ExecutionReport;
import dev.genairesilience.chain.Step;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;

/**
 * The engine's work as Micrometer {@link Observation}s, so that Micrometer Tracing shows a span per generation under
 * the caller's span, and under it a span per call to a provider (and under that, the call's HTTP exchange). Every
 * low-cardinality key value is one of the {@link GenAiMeters} tags, bounded by configuration; no key value holds a
 * prompt or a key.
 * <ul>
 * <li>{@value #GENERATION}: each execution of a chain or {@code @ModelFallback} method, named
 * {@code genai generation <chain>}; low-cardinality {@code chain}, {@code provider}, {@code model},
 * {@code resolution} (what delivered, {@code none} when nothing did), {@code outcome} ({@code DELIVERED},
 * {@code LAST_RESORT}, {@code UNAVAILABLE}, {@code REJECTED}, or {@code ERROR} when an unexpected error cut it short)
 * and {@code degraded}; high-cardinality {@code attempts} (the calls made)</li>
 * <li>{@value #ATTEMPT}: each call to a provider, the last resort included, a child of its generation, named
 * {@code genai attempt <provider>}; low-cardinality {@code chain}, {@code provider}, {@code model},
 * {@code resolution} and {@code outcome} ({@code OK}, the failure kind such as {@code OVERLOADED}, or
 * {@code ERROR}); high-cardinality {@code attempt} (its number in the generation) and, for a failed call,
 * {@code http.status} ({@code 0} without an HTTP answer)</li>
 * </ul>
 * A failed call, and a generation that delivered nothing, carry as their error an {@link ObservedFailure} that names
 * the outcome and HTTP status only, never the provider's message (which may quote the prompt).
 */
public final class GenAiObservations implements ExecutionObserver {

    /** The observation of one generation. */
    public static final String GENERATION = "genai.generation";
    /** The observation of one call to a provider. */
    public static final String ATTEMPT = "genai.attempt";

    private static final String NONE = "none";
    private static final String ERROR = "ERROR";

    private final ObservationRegistry registry;

    /** @param registry where the observations go */
    public GenAiObservations(ObservationRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public Observed<ExecutionReport> executionStarted(String plan) {
        Observation observation = Observation.createNotStarted(GENERATION, registry)
                .contextualName("genai generation " + plan).lowCardinalityKeyValue("chain", plan);
        return new Generation(observation.start());
    }

    @Override
    public Observed<Attempt> attemptStarted(String plan, Step<?> step, int number) {
        Observation observation = Observation.createNotStarted(ATTEMPT, registry)
                .contextualName("genai attempt " + step.provider())
                .lowCardinalityKeyValues(KeyValues.of("chain", plan, "provider", step.provider(),
                        "model", step.model(), "resolution", label(step.resolution())))
                .highCardinalityKeyValue("attempt", Integer.toString(number));
        return new Call(observation.start());
    }

    private static String label(Resolution resolution) {
        return resolution == null ? NONE : resolution.label();
    }

    /** An observation started and in scope on the executing thread until it ends. */
    private abstract static class InScope<R> implements Observed<R> {

        private final Observation observation;
        private final Observation.Scope scope;

        InScope(Observation observation) {
            this.observation = observation;
            this.scope = observation.openScope();
        }

        final void end(KeyValues low, KeyValues high, ObservedFailure failure) {
            scope.close();
            observation.lowCardinalityKeyValues(low).highCardinalityKeyValues(high);
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        }
    }

    private static final class Generation extends InScope<ExecutionReport> {

        Generation(Observation observation) {
            super(observation);
        }

        @Override
        public void finished(ExecutionReport report) {
            Step<?> delivered = report.delivered();
            String outcome = report.result().name();
            end(KeyValues.of("provider", delivered == null ? NONE : delivered.provider(),
                    "model", delivered == null ? NONE : delivered.model(),
                    "resolution", delivered == null ? NONE : label(delivered.resolution()),
                    "outcome", outcome, "degraded", Boolean.toString(report.degraded())),
                    KeyValues.of("attempts", Integer.toString(report.attempts().size())),
                    delivered == null ? new ObservedFailure(outcome) : null);
        }

        @Override
        public void failed(Throwable error) {
            end(KeyValues.of("provider", NONE, "model", NONE, "resolution", NONE, "outcome", ERROR,
                    "degraded", "false"), KeyValues.empty(), ObservedFailure.of(error));
        }
    }

    private static final class Call extends InScope<Attempt> {

        Call(Observation observation) {
            super(observation);
        }

        @Override
        public void finished(Attempt attempt) {
            if (attempt.succeeded()) {
                end(KeyValues.of("outcome", "OK"), KeyValues.empty(), null);
                return;
            }
            String outcome = attempt.failure().name();
            int status = attempt.httpStatus();
            end(KeyValues.of("outcome", outcome), KeyValues.of("http.status", Integer.toString(status)),
                    new ObservedFailure(outcome + (status > 0 ? " (HTTP " + status + ")" : "")));
        }

        @Override
        public void failed(Throwable error) {
            end(KeyValues.of("outcome", ERROR), KeyValues.empty(), ObservedFailure.of(error));
        }
    }
}
