package dev.genairesilience.chain;

import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.chain.ExecutionReport.Result;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureClassification;
import dev.genairesilience.failure.FailureKind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.retry.support.RetryTemplate;

/**
 * The one retry loop of the engine. Tries a {@link Plan}'s steps in order within its deadline: each step through
 * a Spring Retry {@link RetryTemplate} ({@link StepRetryPolicy}, {@link HintAwareBackOffPolicy}) and its
 * provider's circuit breaker; a step whose breaker refuses is skipped without a call, a provider found
 * misconfigured is skipped altogether, a request the provider rejects stops everything. When no step delivers,
 * the plan's last resort is called once; without one, the caller gets a {@link GenerationUnavailableException}.
 * A server's wait hint holds its provider for every execution ({@link ProviderHolds}): a held step is skipped
 * when another provider can be tried, and waited out (within the deadline) when none can.
 * Its {@link ExecutionListener} hears of every attempt, refusal and ending. Thread-safe: every execution keeps
 * its own state.
 */
public final class ChainExecutor {

    // ThreadLocalRandom must be asked on the thread that draws, so it is looked up on each draw.
    private static final RandomGenerator THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextLong();

    private final FailureClassification classification;
    private final ProviderBreakers breakers;
    private final RetryBudgets budgets;
    private final RetrySettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HintAwareBackOffPolicy backOff;
    private final RetryDelay delay;
    private final ProviderHolds holds;
    private final UnavailableReport report;
    private final ExecutionListener listener;

    /**
     * @param classification turns each failed call's exception into a {@link Failure}, once
     * @param breakers       the circuit breaker of each step's {@link Step#breakerId()}
     * @param budgets        the retry budget of each breaker id, shared by all executions
     * @param settings       attempts per step and backoff
     * @param clock          the time deadlines and durations are read from
     * @param sleeper        how backoff waits (a test's sleeper advances its clock instead)
     */
    public ChainExecutor(FailureClassification classification, ProviderBreakers breakers, RetryBudgets budgets,
            RetrySettings settings, Clock clock, Sleeper sleeper) {
        this(classification, breakers, budgets, settings, clock, sleeper, THREAD_LOCAL_RANDOM);
    }

    /** As the other constructor, with the source of the backoff's jitter (seed it to make tests repeatable). */
    public ChainExecutor(FailureClassification classification, ProviderBreakers breakers, RetryBudgets budgets,
            RetrySettings settings, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this(classification, breakers, budgets, settings, clock, sleeper, random, ExecutionListener.NONE);
    }

    /**
     * As the first constructor, with a listener told of every attempt, refusal and ending (an exception it
     * throws is logged, never passed on).
     */
    public ChainExecutor(FailureClassification classification, ProviderBreakers breakers, RetryBudgets budgets,
            RetrySettings settings, Clock clock, Sleeper sleeper, ExecutionListener listener) {
        this(classification, breakers, budgets, settings, clock, sleeper, THREAD_LOCAL_RANDOM, listener);
    }

    /** With every collaborator given: jitter source and listener included. */
    public ChainExecutor(FailureClassification classification, ProviderBreakers breakers, RetryBudgets budgets,
            RetrySettings settings, Clock clock, Sleeper sleeper, RandomGenerator random,
            ExecutionListener listener) {
        this.classification = Objects.requireNonNull(classification, "classification");
        this.breakers = Objects.requireNonNull(breakers, "breakers");
        this.budgets = Objects.requireNonNull(budgets, "budgets");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.backOff = new HintAwareBackOffPolicy(sleeper);
        this.delay = new RetryDelay(settings, random);
        this.holds = new ProviderHolds(settings.maxServerWait());
        this.report = new UnavailableReport(breakers);
        this.listener = ExecutionListeners.of(List.of(Objects.requireNonNull(listener, "listener")));
    }

    /**
     * Runs the plan.
     *
     * @throws GenerationRejectedException    when a provider rejected the request itself (no further call made)
     * @throws GenerationUnavailableException when no step delivered and there is no last resort, or it failed
     */
    public <T> Outcome<T> execute(Plan<T> plan) {
        ExecutionState state = new ExecutionState(plan, clock, listener);
        try {
            Outcome<T> outcome = run(plan, state);
            listener.executionFinished(new ExecutionReport(plan.name(), first(plan), outcome.step(),
                    outcome.step() == plan.lastResort() ? Result.LAST_RESORT : Result.DELIVERED, outcome.degraded(),
                    outcome.attempts(), state.elapsed(), plan.prompt()));
            return outcome;
        } catch (GenerationRejectedException e) {
            listener.executionFinished(failed(plan, state, Result.REJECTED));
            throw e;
        } catch (GenerationUnavailableException e) {
            listener.executionFinished(failed(plan, state, Result.UNAVAILABLE));
            throw e;
        }
    }

    private static ExecutionReport failed(Plan<?> plan, ExecutionState state, Result result) {
        return new ExecutionReport(plan.name(), first(plan), null, result, false, state.attempts(), state.elapsed(),
                plan.prompt());
    }

    private static Step<?> first(Plan<?> plan) {
        return plan.steps().isEmpty() ? plan.lastResort() : plan.steps().get(0);
    }

    private <T> Outcome<T> run(Plan<T> plan, ExecutionState state) {
        AttemptRunner runner = new AttemptRunner(state, classification, holds, clock);
        List<Step<T>> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step<T> step = steps.get(i);
            if (state.isMisconfigured(step.provider())) {
                state.note(step, "skipped, provider misconfigured");
                continue;
            }
            Duration timeLeft = state.timeLeft();
            if (timeLeft.isNegative() || timeLeft.isZero()) {
                state.note(step, "not tried, deadline reached");
                break;
            }
            Duration held = holds.remaining(step.breakerId(), clock.instant());
            if (!held.isZero()) {
                if (alternativeAfter(steps, i, state)
                        || held.plus(RetryDelay.MIN_CALL_TIME).compareTo(timeLeft) > 0) {
                    state.note(step, "skipped, the server asked to wait " + held.toMillis() + "ms more");
                    continue;
                }
                sleepOut(held, plan, state);
            }
            int index = i;
            Outcome<T> outcome = tryStep(plan, step, state, runner, held, () -> alternativeAfter(steps, index, state));
            if (outcome != null) {
                return outcome;
            }
        }
        return lastResort(plan, state, runner);
    }

    /** Whether a later step of another provider could be tried now, so waiting out a hold is not worth it. */
    private boolean alternativeAfter(List<? extends Step<?>> steps, int held, ExecutionState state) {
        String heldId = steps.get(held).breakerId();
        for (int i = held + 1; i < steps.size(); i++) {
            Step<?> next = steps.get(i);
            if (!next.breakerId().equals(heldId) && !state.isMisconfigured(next.provider())
                    && holds.remaining(next.breakerId(), clock.instant()).isZero()
                    && breakers.forId(next.breakerId()).getState() != CircuitBreaker.State.OPEN) {
                return true;
            }
        }
        return false;
    }

    private void sleepOut(Duration held, Plan<?> plan, ExecutionState state) {
        try {
            sleeper.sleep(held.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw report.interrupted(plan, state);
        }
    }

    /**
     * The step's outcome, or {@code null} when it gave up (and noted why).
     *
     * @param waited      how long the step waited for its provider's hold before its first attempt
     * @param alternative whether another provider could be tried now instead of waiting for a server's hint
     */
    private <T> Outcome<T> tryStep(Plan<T> plan, Step<T> step, ExecutionState state, AttemptRunner runner,
            Duration waited, BooleanSupplier alternative) {
        StepRetryPolicy policy = new StepRetryPolicy(step, state, settings, delay, budgets, alternative);
        RetryTemplate template = new RetryTemplate();
        template.setRetryPolicy(policy);
        template.setBackOffPolicy(backOff);
        StepAttempts<T> attempts = new StepAttempts<>(step, breakers.forId(step.breakerId()), budgets, state, runner,
                waited);
        try {
            T value = template.execute(attempts);
            return new Outcome<>(value, step, plan.degraded(step), state.attempts());
        } catch (AttemptFailedException e) {
            giveUp(step, e, policy.lastDecision(), state);
        } catch (StepStoppedException e) {
            if (e.reason() == StepStoppedException.Reason.INTERRUPTED) {
                throw report.interrupted(plan, state);
            }
            if (e.reason() == StepStoppedException.Reason.CIRCUIT_OPEN) {
                state.breakerRefused(step);
            }
            state.note(step, e.getMessage());
        } catch (BackOffInterruptedException e) {
            throw report.interrupted(plan, state);
        }
        return null;
    }

    private void giveUp(Step<?> step, AttemptFailedException e, RetryDecision decision, ExecutionState state) {
        Failure failure = e.failure();
        FailureKind kind = failure.kind();
        if (kind.scope() == FailureKind.Scope.REQUEST) {
            GenerationRejectedException rejected = new GenerationRejectedException(null,
                    failure.message() != null ? failure.message() : step.provider() + " rejected the request",
                    failure.httpStatus());
            rejected.initCause(e.getCause());
            throw rejected;
        }
        String what = kind.name() + (failure.httpStatus() > 0 ? " (HTTP " + failure.httpStatus() + ")" : "");
        if (kind.scope() == FailureKind.Scope.PROVIDER) {
            state.markMisconfigured(step.provider());
            state.note(step, what + ", provider misconfigured: skipping its other steps");
        } else {
            state.note(step, what + ", " + decision.reason());
        }
    }

    private <T> Outcome<T> lastResort(Plan<T> plan, ExecutionState state, AttemptRunner runner) {
        Step<T> step = plan.lastResort();
        if (step == null) {
            throw report.exhausted(plan, state);
        }
        try {
            // Offline and local: it gets its own timeout whatever is left of the deadline.
            T value = runner.call(step, step.timeout(), Duration.ZERO, null);
            return new Outcome<>(value, step, true, state.attempts());
        } catch (AttemptFailedException e) {
            throw report.lastResortFailed(plan, state, e.failure().kind().name());
        } catch (StepStoppedException e) {
            throw report.interrupted(plan, state);
        }
    }
}
