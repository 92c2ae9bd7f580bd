package dev.genairesilience.chain;

import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;

/**
 * The one rule for what follows a failed attempt, as a function of the failure, the attempts the step has made,
 * the time the step may still use, whether another provider could answer right now, and the chain's
 * {@link ContentBlockedAction}. The retry budget is asked afterwards, and only for a retry this rule grants, so a
 * retry that would not happen spends no budget.
 */
final class StepDecider {

    private final int maxAttempts;
    private final RetryDelay delay;

    StepDecider(RetrySettings settings, RetryDelay delay) {
        this.maxAttempts = settings.maxAttempts();
        this.delay = delay;
    }

    /**
     * @param failure        the failure of the attempt just made
     * @param attemptsMade   the step's attempts so far, that one included
     * @param timeAvailable  what the step may still use: its provider's share of the deadline, less what is spent
     * @param alternativeNow whether a later step of another provider could be tried right now
     * @param onBlocked      what the chain does when a content policy refuses the prompt
     */
    StepDecision decide(Failure failure, int attemptsMade, Duration timeAvailable, boolean alternativeNow,
            ContentBlockedAction onBlocked) {
        FailureKind kind = failure.kind();
        if (kind == FailureKind.CONTENT_BLOCKED) {
            return onBlocked == ContentBlockedAction.NEXT_PROVIDER
                    ? StepDecision.skipProvider("content policy refused the prompt; asking the next provider")
                    : StepDecision.reject("content policy refused the prompt");
        }
        if (kind.scope() == FailureKind.Scope.REQUEST) {
            return StepDecision.reject("the request is invalid");
        }
        if (kind.misconfiguresProvider()) {
            return StepDecision.skipProvider("provider misconfigured: skipping its other steps");
        }
        if (!kind.retryable()) {
            return StepDecision.nextStep("not retryable");
        }
        if (attemptsMade >= maxAttempts) {
            return StepDecision.nextStep(attemptsMade + " attempt(s) made");
        }
        if (failure.serverWait() != null && alternativeNow) {
            return StepDecision.nextStep("server asked to wait " + RetryDelay.seconds(failure.serverWait())
                    + "; another provider can answer meanwhile");
        }
        return delay.decide(failure, attemptsMade, timeAvailable);
    }
}
