package dev.genairesilience.chain;

import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.PromptBlockedException;
import dev.genairesilience.SkippedStep;
import dev.genairesilience.chain.ExecutionReport.Result;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureClassification;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.spi.ContentBlockedException;
import dev.genairesilience.spi.UnsupportedRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;
import org.springframework.retry.backoff.BackOffInterruptedException;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.retry.backoff.ThreadWaitSleeper;
import org.springframework.retry.support.RetryTemplate;

/**
 * The one retry loop of the engine. Tries a {@link Plan}'s steps in order within its deadline: each step through a
 * Spring Retry {@link RetryTemplate} ({@link StepRetryPolicy}, {@link HintAwareBackOffPolicy}) and its provider's
 * {@link ProviderLane}. A step whose breaker refuses is skipped without a call, and so is one whose lane is full; when
 * no step could be tried for lack of room, the request waits for room within its deadline; what follows a failed
 * attempt is the {@link StepDecider}'s one rule; each provider may use only its {@link DeadlineShares share} of the
 * deadline, so that the later ones keep the time they need. A lane held by a server's wait hint is skipped when another
 * provider can be tried, and waited out (within its share) when none can. When no step delivers, the plan's last resort
 * is called once; without one, the caller gets a {@link GenerationUnavailableException}. Its {@link ExecutionListener}
 * hears of every attempt, refusal and ending; its {@link ExecutionObserver} sees each execution and attempt while it
 * runs. Thread-safe: every execution keeps its own state. Built with {@link
 * #builder(FailureClassification, ProviderLanes)}.
 */
public final class ChainExecutor {

    private final FailureClassification classification;
    private final ProviderLanes lanes;
    private final RetrySettings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HintAwareBackOffPolicy backOff;
    private final StepDecider decider;
    private final UnavailableReport report;
    private final ExecutionListener listener;
    private final ExecutionObserver observer;
    private final PriceList prices;

    /** How long a request whose every lane is full waits for room before it looks at every lane again. */
    private static final Duration ROOM_WAIT_SLICE = Duration.ofMillis(50);
    private static final String HELD = "held";

    private ChainExecutor(Builder b) {
        this.classification = b.classification;
        this.lanes = b.lanes;
        this.settings = b.settings;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.backOff = new HintAwareBackOffPolicy(sleeper);
        this.decider = new StepDecider(settings, new RetryDelay(settings, b.random));
        this.report = new UnavailableReport(lanes);
        this.listener = ExecutionListeners.of(List.of(b.listener));
        this.observer = GuardedObserver.of(b.observer);
        this.prices = b.prices;
    }

    /**
     * @param classification turns each failed call's exception into a {@link Failure}, once
     * @param lanes          each step's provider lane: breaker, retry budget, hold and latency, shared by all users
     */
    public static Builder builder(FailureClassification classification, ProviderLanes lanes) {
        return new Builder(classification, lanes);
    }

    /** The lanes the steps run in. */
    ProviderLanes lanes() {
        return lanes;
    }

    /** How it classifies failed calls. */
    FailureClassification classification() {
        return classification;
    }

    /** What its calls cost. */
    PriceList prices() {
        return prices;
    }

    /** Its clock. */
    Clock clock() {
        return clock;
    }

    /**
     * Runs the plan.
     *
     * @throws GenerationRejectedException    when a provider rejected the request itself (no further call made);
     *                                        a {@link PromptBlockedException} when its content policy refused it
     * @throws GenerationUnavailableException when no step delivered and there is no last resort, or it failed
     */
    public <T> Outcome<T> execute(Plan<T> plan) {
        ExecutionState state = new ExecutionState(plan, clock, listener);
        ExecutionObserver.Observed<ExecutionReport> observed = observer.executionStarted(plan.name());
        try {
            Outcome<T> outcome = run(plan, state);
            end(observed, new ExecutionReport(plan.name(), first(plan), outcome.step(),
                    outcome.step() == plan.lastResort() ? Result.LAST_RESORT : Result.DELIVERED, outcome.degraded(),
                    outcome.attempts(), state.elapsed(), plan.prompt()));
            return outcome;
        } catch (GenerationRejectedException e) {
            end(observed, failed(plan, state, Result.REJECTED));
            throw e;
        } catch (GenerationUnavailableException e) {
            end(observed, failed(plan, state, Result.UNAVAILABLE));
            throw e;
        } catch (RuntimeException | Error e) {
            observed.failed(e);
            throw e;
        }
    }

    /** The listeners first, so that what they log is still within the observed execution. */
    private void end(ExecutionObserver.Observed<ExecutionReport> observed, ExecutionReport report) {
        listener.executionFinished(report);
        observed.finished(report);
    }

    private static ExecutionReport failed(Plan<?> plan, ExecutionState state, Result result) {
        return new ExecutionReport(plan.name(), first(plan), null, result, false, state.attempts(), state.elapsed(),
                plan.prompt());
    }

    private static Step<?> first(Plan<?> plan) {
        return plan.steps().isEmpty() ? plan.lastResort() : plan.steps().get(0);
    }

    private <T> Outcome<T> run(Plan<T> plan, ExecutionState state) {
        AttemptRunner runner = new AttemptRunner(state, classification, prices, clock, observer);
        DeadlineShares shares = new DeadlineShares(lanes, settings.fallbackReserve());
        StepPolicy policy = new StepPolicy(plan.onContentBlocked(), plan.preference());
        List<Step<T>> steps = plan.steps();
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            pending.add(i);
        }
        boolean firstPass = true;
        while (!pending.isEmpty()) {
            List<Integer> full = new ArrayList<>();
            for (int i : pending) {
                Outcome<T> outcome = tryStepAt(plan, i, state, runner, shares, policy, full, firstPass);
                if (outcome != null) {
                    return outcome;
                }
                if (state.timeLeft().compareTo(Duration.ZERO) <= 0) {
                    break;
                }
            }
            if (full.isEmpty() || !awaitRoom(plan, full, state)) {
                break;
            }
            pending = full;
            firstPass = false;
        }
        return lastResort(plan, state, runner);
    }

    /**
     * Tries step {@code i}, unless it is given up, out of time or held; a step whose lane had no room is added to
     * {@code full}, to be tried again when there is room.
     */
    private <T> Outcome<T> tryStepAt(Plan<T> plan, int i, ExecutionState state, AttemptRunner runner,
            DeadlineShares shares, StepPolicy policy, List<Integer> full, boolean firstPass) {
        List<Step<T>> steps = plan.steps();
        Step<T> step = steps.get(i);
        Optional<String> passedOver = plan.passedOver(step);
        if (passedOver.isPresent()) {
            state.skip(step, SkippedStep.Reason.RESOLUTION_FAILING, null, "passed over, " + passedOver.get());
            return null;
        }
        if (state.isSkipped(step.breakerId())) {
            state.skip(step, SkippedStep.Reason.GIVEN_UP, null, "skipped, provider given up for this request");
            return null;
        }
        Duration timeLeft = state.timeLeft();
        if (timeLeft.isNegative() || timeLeft.isZero()) {
            state.skip(step, SkippedStep.Reason.DEADLINE, null, "not tried, deadline reached");
            return null;
        }
        Instant shareEnd = shares.shareEnd(steps, i, state.now(), state.deadline(), state::isSkipped);
        Duration available = Duration.between(state.now(), shareEnd);
        if (available.compareTo(RetryDelay.MIN_CALL_TIME) < 0) {
            state.skip(step, SkippedStep.Reason.SHARE_SPENT, null,
                    "not tried, its provider's share of the deadline is spent");
            return null;
        }
        ProviderLane lane = lanes.lane(step.breakerId());
        lane.readSharedHold();
        Duration held = lane.heldFor();
        if (!held.isZero()) {
            if (alternativeAfter(steps, i, state) || held.plus(RetryDelay.MIN_CALL_TIME).compareTo(available) > 0) {
                state.spilled(step, HELD);
                state.skip(step, SkippedStep.Reason.HELD, held,
                        "skipped, the server asked to wait " + held.toMillis() + "ms more");
                return null;
            }
            sleepOut(held, plan, state);
        }
        ProviderLane.HoldEnd holdEnd = lane.passHoldEnd();
        while (holdEnd == ProviderLane.HoldEnd.WAIT) {
            if (alternativeAfter(steps, i, state)
                    || Duration.between(state.now(), shareEnd).compareTo(RetryDelay.MIN_CALL_TIME) < 0) {
                state.spilled(step, HELD);
                state.skip(step, SkippedStep.Reason.HOLD_PROBE, null,
                        "skipped, the first call after its hold has no answer yet");
                return null;
            }
            sleepOut(ROOM_WAIT_SLICE, plan, state);
            holdEnd = lane.passHoldEnd();
        }
        try {
            while (true) {
                try {
                    return tryStep(plan, step, lane, state, runner, shareEnd, held, policy,
                            () -> alternativeAfter(steps, i, state));
                } catch (LaneFullException e) {
                    if (policy.preference() != Preference.QUALITY
                            || !awaitRoom(List.of(lane), shareEnd, plan, state)) {
                        throw e;
                    }
                }
            }
        } catch (LaneFullException e) {
            full.add(i);
            String reason = lane.fullReason();
            state.spilled(step, reason);
            if (firstPass) {
                if ("rate".equals(reason)) {
                    state.skip(step, SkippedStep.Reason.RATE, null, "lane full (its requests per minute are spent)");
                } else {
                    state.skip(step, SkippedStep.Reason.LIMIT, null,
                            "lane full (" + lane.inFlight() + " in flight, limit " + lane.concurrencyLimit() + ")");
                }
            }
            return null;
        } finally {
            if (holdEnd == ProviderLane.HoldEnd.PROBE) {
                lane.endHoldProbe();
            }
        }
    }

    /**
     * Waits, within the deadline, until one of the full lanes has room: a short slice at a time on the sleeper (so
     * that a test's clock moves with it), looking at every full lane after each.
     */
    private boolean awaitRoom(Plan<?> plan, List<Integer> full, ExecutionState state) {
        List<ProviderLane> fullLanes = full.stream().map(i -> lanes.lane(plan.steps().get(i).breakerId())).toList();
        return awaitRoom(fullLanes, state.deadline(), plan, state);
    }

    /**
     * Waits until one of {@code candidates} has room, or until {@code until} would leave no time for a call; a full
     * first choice under {@link Preference#QUALITY} is waited for this way within its share, rather than left.
     */
    private boolean awaitRoom(List<ProviderLane> candidates, Instant until, Plan<?> plan, ExecutionState state) {
        while (candidates.stream().noneMatch(ProviderLane::hasRoom)) {
            Duration left = Duration.between(state.now(), until).minus(RetryDelay.MIN_CALL_TIME);
            if (left.compareTo(Duration.ZERO) <= 0) {
                return false;
            }
            sleepOut(left.compareTo(ROOM_WAIT_SLICE) < 0 ? left : ROOM_WAIT_SLICE, plan, state);
        }
        return true;
    }

    /** Whether a later step of another provider could be tried now, so waiting out a hold is not worth it. */
    private boolean alternativeAfter(List<? extends Step<?>> steps, int held, ExecutionState state) {
        String heldId = steps.get(held).breakerId();
        for (int i = held + 1; i < steps.size(); i++) {
            String id = steps.get(i).breakerId();
            if (!id.equals(heldId) && !state.isSkipped(id)) {
                ProviderLane next = lanes.lane(id);
                if (next.heldFor().isZero() && next.breakerAllowsCalls()) {
                    return true;
                }
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
     * @param shareEnd    when the step's provider's share of the deadline ends
     * @param waited      how long the step waited for its provider's hold before its first attempt
     * @param stepPolicy  the chain's content-block action and preference
     * @param alternative whether another provider could be tried now instead of waiting for a server's hint
     */
    private <T> Outcome<T> tryStep(Plan<T> plan, Step<T> step, ProviderLane lane, ExecutionState state,
            AttemptRunner runner, Instant shareEnd, Duration waited, StepPolicy stepPolicy,
            BooleanSupplier alternative) {
        StepRetryPolicy policy = new StepRetryPolicy(step, lane, state, decider, settings.maxAttempts(), shareEnd,
                stepPolicy, alternative, plan.triedOnce(step).orElse(null));
        RetryTemplate template = new RetryTemplate();
        template.setRetryPolicy(policy);
        template.setBackOffPolicy(backOff);
        StepAttempts<T> attempts = new StepAttempts<>(step, lane, state, runner, shareEnd, waited);
        int firstNumber = state.nextAttemptNumber();
        try {
            T value = template.execute(attempts);
            return new Outcome<>(value, step, plan.degraded(step), state.attempts(), state.skipped());
        } catch (AttemptFailedException e) {
            giveUp(step, e, policy.lastDecision(), state);
        } catch (StepStoppedException e) {
            if (e.reason() == StepStoppedException.Reason.INTERRUPTED) {
                throw report.interrupted(plan, state);
            }
            if (e.reason() == StepStoppedException.Reason.NO_ROOM) {
                throw new LaneFullException();
            }
            if (e.reason() == StepStoppedException.Reason.CIRCUIT_OPEN) {
                state.breakerRefused(step);
            }
            if (e.reason() == StepStoppedException.Reason.CIRCUIT_OPEN && state.nextAttemptNumber() == firstNumber) {
                state.skip(step, SkippedStep.Reason.BREAKER_OPEN, null, e.getMessage());
            } else {
                state.note(step, e.getMessage());
            }
        } catch (BackOffInterruptedException e) {
            throw report.interrupted(plan, state);
        }
        return null;
    }

    private void giveUp(Step<?> step, AttemptFailedException e, StepDecision decision, ExecutionState state) {
        Failure failure = e.failure();
        switch (decision.action()) {
            case REJECT -> throw rejection(step, failure, e.getCause());
            case SKIP_PROVIDER -> {
                state.skipLane(step.breakerId());
                state.note(step, describe(failure) + ", " + decision.reason());
            }
            default -> state.note(step, describe(failure) + ", " + decision.reason());
        }
    }

    private static String describe(Failure failure) {
        return failure.kind().name() + (failure.httpStatus() > 0 ? " (HTTP " + failure.httpStatus() + ")" : "");
    }

    private static GenerationRejectedException rejection(Step<?> step, Failure failure, Throwable cause) {
        GenerationRejectedException rejected;
        if (failure.kind() == FailureKind.CONTENT_BLOCKED) {
            String reason = cause instanceof ContentBlockedException blocked ? blocked.reason()
                    : failure.message() != null ? failure.message() : "no reason given";
            rejected = new PromptBlockedException(step.provider(), reason, failure.httpStatus());
        } else {
            String field = cause instanceof UnsupportedRequestException unsupported ? unsupported.field() : null;
            rejected = new GenerationRejectedException(field,
                    failure.message() != null ? failure.message() : step.provider() + " rejected the request",
                    failure.httpStatus());
        }
        rejected.initCause(cause);
        return rejected;
    }

    private <T> Outcome<T> lastResort(Plan<T> plan, ExecutionState state, AttemptRunner runner) {
        Step<T> step = plan.lastResort();
        if (step == null) {
            throw report.exhausted(plan, state);
        }
        try {
            // Offline and local: it gets its own timeout whatever is left of the deadline.
            T value = runner.call(step, null, step.timeout(), Duration.ZERO);
            return new Outcome<>(value, step, true, state.attempts(), state.skipped());
        } catch (AttemptFailedException e) {
            throw report.lastResortFailed(plan, state, e.failure().kind().name());
        } catch (StepStoppedException e) {
            throw report.interrupted(plan, state);
        }
    }

    /** A step found its lane full before its first call: tried again when there is room. */
    private static final class LaneFullException extends RuntimeException {
        LaneFullException() {
            super(null, null, false, false);
        }
    }

    /**
     * Builds a {@link ChainExecutor}: the documented retry defaults, the system clock, real sleeps, no listener, no
     * observer, no prices.
     */
    public static final class Builder {

        private final FailureClassification classification;
        private final ProviderLanes lanes;
        private RetrySettings settings = RetrySettings.defaults();
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = new ThreadWaitSleeper();
        private RandomGenerator random = RetryDelay.THREAD_LOCAL_RANDOM;
        private ExecutionListener listener = ExecutionListener.NONE;
        private ExecutionObserver observer = ExecutionObserver.NONE;
        private PriceList prices = PriceList.NONE;

        private Builder(FailureClassification classification, ProviderLanes lanes) {
            this.classification = Objects.requireNonNull(classification, "classification");
            this.lanes = Objects.requireNonNull(lanes, "lanes");
        }

        /** Attempts per step, backoff, server-wait cap and the fallback reserve. */
        public Builder settings(RetrySettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The time deadlines and durations are read from. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How backoff waits (a test's sleeper advances its clock instead). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The source of the backoff's jitter (seed it to make tests repeatable). */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Told of every attempt, refusal and ending; an exception it throws is logged, never passed on. */
        public Builder listener(ExecutionListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Brackets each execution and each call to a provider while it runs (for spans); an exception it throws is
         * logged, never passed on.
         */
        public Builder observer(ExecutionObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** What each provider charges: every {@link dev.genairesilience.Attempt} carries its cost from it. */
        public Builder prices(PriceList prices) {
            this.prices = Objects.requireNonNull(prices, "prices");
            return this;
        }

        public ChainExecutor build() {
            return new ChainExecutor(this);
        }
    }
}
