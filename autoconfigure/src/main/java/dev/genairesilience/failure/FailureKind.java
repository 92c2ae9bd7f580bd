package dev.genairesilience.failure;

/**
 * What kind of failure a call met, and so how the engine reacts to it. The three questions every
 * decision asks are answered here, once.
 */
public enum FailureKind {

    /** The model is over capacity for everyone (503 UNAVAILABLE "overloaded", 529). */
    OVERLOADED(true, true, Scope.STEP),

    /** A cold model is loading (Hugging Face 503 with {@code estimated_time}): not the provider's ill health. */
    MODEL_LOADING(true, false, Scope.STEP),

    /** Our own quota is spent (429 RESOURCE_EXHAUSTED, rate_limit_exceeded). */
    RATE_LIMITED(true, false, Scope.STEP),

    /** The request is wrong (400, 422): never retried anywhere. */
    BAD_REQUEST(false, false, Scope.REQUEST),

    /** The key is missing, wrong or not allowed (401, 403): this provider is skipped. */
    AUTHENTICATION(false, false, Scope.PROVIDER),

    /** The model id does not exist there (404): this provider is skipped. */
    MODEL_NOT_FOUND(false, false, Scope.PROVIDER),

    /** The call outlasted its timeout. */
    TIMEOUT(true, true, Scope.STEP),

    /** The connection was refused, reset or dropped. */
    CONNECTION(true, true, Scope.STEP),

    /** 500, 502, 504 and other server errors. */
    SERVER_ERROR(true, true, Scope.STEP),

    /** A 2xx answer without an image, or a body that is not what the API documents, or one over the size cap. */
    MALFORMED(true, true, Scope.STEP),

    /**
     * The provider's content policy refused the prompt (Gemini {@code finishReason: IMAGE_SAFETY} or
     * {@code promptFeedback.blockReason}, OpenAI {@code content_policy_violation} or {@code moderation_blocked}).
     * Never retried on that provider and never held against its health: any caller could otherwise open a
     * healthy provider's breaker with a blocked prompt. The chain's {@code on-content-blocked} decides whether
     * the request is rejected or the next provider is asked.
     */
    CONTENT_BLOCKED(false, false, Scope.REQUEST),

    /**
     * An exception no classifier recognised: not retried, next step tried. Not counted against the provider:
     * it is as likely our own bug (or an SDK's exception nobody taught the engine) as the provider's ill health,
     * and a caller must not be able to open a breaker with it.
     */
    UNKNOWN(false, false, Scope.STEP);

    /** How far a failure of this kind reaches beyond the call that met it. */
    public enum Scope {
        /** Only this step: retry it if allowed, else move to the next step. */
        STEP,
        /** The whole provider: skip every remaining step of it. */
        PROVIDER,
        /** The whole request: stop, and tell the caller. */
        REQUEST
    }

    private final boolean retryable;
    private final boolean providerFault;
    private final Scope scope;

    FailureKind(boolean retryable, boolean providerFault, Scope scope) {
        this.retryable = retryable;
        this.providerFault = providerFault;
        this.scope = scope;
    }

    /** Whether the same step may be tried again (after a wait). */
    public boolean retryable() {
        return retryable;
    }

    /** Whether this counts as a failure of the provider's health, towards its circuit breaker. */
    public boolean providerFault() {
        return providerFault;
    }

    /**
     * Whether a failure of this kind says the provider is misconfigured (its key or model id is wrong): the one
     * rule the engine skips a provider by, and health and the endpoint report it by.
     */
    public boolean misconfiguresProvider() {
        return scope == Scope.PROVIDER;
    }

    /** How far the failure reaches: this step, this provider, or the whole request. */
    public Scope scope() {
        return scope;
    }
}
