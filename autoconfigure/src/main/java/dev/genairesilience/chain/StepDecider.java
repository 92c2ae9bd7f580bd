package dev.genairesilience.chain;

import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;

/**
 * The one rule for what follows a failed attempt, as a function of the failure, the attempts the step has made, the
 * time the step may still use, whether another provider could answer right now, and the chain's {@link StepPolicy} (its
 * {@link ContentBlockedAction} and {@link Preference}). The retry budget is asked afterwards, and only for a retry this
 * rule grants, so a retry that would not happen spends no budget.
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
     * @param policy         what the chain does on a content-policy block, and how it holds on to a provider
     */
    StepDecision decide(Failure failure, int attemptsMade, Duration timeAvailable, boolean alternativeNow,
            StepPolicy policy) {
        FailureKind kind = failure.kind();
        if (kind == FailureKind.CONTENT_BLOCKED) {
            return policy.onContentBlocked() == ContentBlockedAction.NEXT_PROVIDER
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
        if (attemptsMade >= maxAttempts && policy.preference() != Preference.QUALITY) {
            return StepDecision.nextStep(attemptsMade + " attempt(s) made");
        }
        if (policy.preference() == Preference.LATENCY && alternativeNow && isCapacityAnswer(failure)) {
            return StepDecision.nextStep(kind + ", and the chain prefers latency: another provider can answer now");
        }
        if (failure.serverWait() != null && alternativeNow) {
            return StepDecision.nextStep("server asked to wait " + RetryDelay.seconds(failure.serverWait())
                    + "; another provider can answer meanwhile");
        }
        return delay.decide(failure, attemptsMade, timeAvailable);
    }

    /**
     * Whether the provider said it has no room for the call right now (503 overloaded, 529, a 429 without a wait to
     * honour): the answers that teach a lane's concurrency limit and that {@link Preference#LATENCY} leaves at once.
     */
    static boolean isCapacityAnswer(Failure failure) {
        return failure.kind() == FailureKind.OVERLOADED
                || failure.kind() == FailureKind.RATE_LIMITED && failure.serverWait() == null;
    }
}
