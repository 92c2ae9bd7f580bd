package dev.genairesilience.internal.warmup;

import dev.genairesilience.ModelAttempt;

/** The one call a {@link WarmupTarget} makes per attempt. */
@FunctionalInterface
public interface WarmupCall {

    /** Warms; throws as a provider call throws, so the engine can classify the failure. */
    void warm(ModelAttempt attempt) throws Exception;
}
