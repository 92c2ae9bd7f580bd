package dev.genairesilience.chain;

import dev.genairesilience.Attempt;
import dev.genairesilience.SkippedStep;
import dev.genairesilience.failure.Failure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What one execution has seen so far: its deadline, its attempts, the lanes it gave up, why each
 * step gave up. Tells its {@link ExecutionListener} of each attempt and refusal as it is recorded. Confined to
 * the executing thread.
 */
final class ExecutionState {

    private final Clock clock;
    private final String planName;
    private final ExecutionListener listener;
    private final Instant start;
    private final Instant deadline;
    private final String aspectRatio;
    private final List<Attempt> attempts = new ArrayList<>();
    private final Set<String> skippedLanes = new HashSet<>();
    private final List<String> stepNotes = new ArrayList<>();
    private final List<SkippedStep> skipped = new ArrayList<>();
    private Duration longestServerWait;
    private Throwable lastError;

    ExecutionState(Plan<?> plan, Clock clock, ExecutionListener listener) {
        this.clock = clock;
        this.planName = plan.name();
        this.listener = listener;
        this.start = clock.instant();
        this.deadline = start.plus(plan.deadline());
        this.aspectRatio = plan.aspectRatio();
    }

    Instant now() {
        return clock.instant();
    }

    /** The time left before the deadline, negative once it has passed. */
    Duration timeLeft() {
        return Duration.between(clock.instant(), deadline);
    }

    /** The plan's name: the chain, or the {@code @ModelFallback} method. */
    String planName() {
        return planName;
    }

    String aspectRatio() {
        return aspectRatio;
    }

    /** The number the next call gets: 1, 2, … across the whole execution. */
    int nextAttemptNumber() {
        return attempts.size() + 1;
    }

    /** How long the execution has taken so far. */
    Duration elapsed() {
        Duration elapsed = Duration.between(start, clock.instant());
        return elapsed.isNegative() ? Duration.ZERO : elapsed;
    }

    void recordSuccess(Attempt attempt) {
        attempts.add(attempt);
        listener.attemptFinished(planName, attempt);
    }

    void recordFailure(Attempt attempt, Failure failure, Throwable error) {
        attempts.add(attempt);
        listener.attemptFinished(planName, attempt);
        lastError = error;
        Duration hint = failure.serverWait();
        if (hint != null && (longestServerWait == null || hint.compareTo(longestServerWait) > 0)) {
            longestServerWait = hint;
        }
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The longest wait a server asked for in this execution, or {@code null}. */
    Duration longestServerWait() {
        return longestServerWait;
    }

    /** The exception of the last failed call, or {@code null}. */
    Throwable lastError() {
        return lastError;
    }

    /** The step's breaker refused a call: the step is skipped, or ends before its next retry. */
    void breakerRefused(Step<?> step) {
        listener.breakerRefused(planName, step);
    }

    /** The step was passed over without a call: its lane had no room ({@code limit}) or is {@code held}. */
    void spilled(Step<?> step, String reason) {
        listener.stepSpilled(planName, step, reason);
    }

    /** The step's retry budget refused a retry it would otherwise have had. */
    void retryBudgetRefused(Step<?> step) {
        listener.retryBudgetRefused(planName, step);
    }

    /** Gives up every remaining step of a lane for this execution (misconfigured, or its content policy refused). */
    void skipLane(String lane) {
        skippedLanes.add(lane);
    }

    boolean isSkipped(String lane) {
        return skippedLanes.contains(lane);
    }

    Instant deadline() {
        return deadline;
    }

    /** Notes why a step gave up, for the message of the exception if nothing delivers. */
    void note(Step<?> step, String why) {
        stepNotes.add(step.label() + ": " + why);
    }

    /**
     * Notes a step passed over without a call: in the result's provenance with its reason, and {@code why} for the
     * message of the exception if nothing delivers.
     *
     * @param heldFor for {@link SkippedStep.Reason#HELD}, how much longer the hold runs; otherwise {@code null}
     */
    void skip(Step<?> step, SkippedStep.Reason reason, Duration heldFor, String why) {
        skipped.add(new SkippedStep(step.provider(), step.model(), step.resolution(), reason, heldFor));
        note(step, why);
    }

    List<SkippedStep> skipped() {
        return List.copyOf(skipped);
    }

    List<String> stepNotes() {
        return List.copyOf(stepNotes);
    }
}
