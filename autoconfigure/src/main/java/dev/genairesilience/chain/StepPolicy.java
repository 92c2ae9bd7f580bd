package dev.genairesilience.chain;

import java.util.Objects;

/**
 * What a chain asks of the {@link StepDecider} beyond the failure itself: what a content-policy block does, and
 * how much it holds on to the first provider.
 *
 * @param onContentBlocked reject the request, or ask the next provider
 * @param preference       balanced, quality or latency
 */
record StepPolicy(ContentBlockedAction onContentBlocked, Preference preference) {

    /** A balanced chain that rejects blocked prompts: the defaults. */
    static final StepPolicy DEFAULT = new StepPolicy(ContentBlockedAction.REJECT, Preference.BALANCED);

    /** The share of first attempts a provider's retries may reach under {@link Preference#QUALITY}. */
    static final double QUALITY_BUDGET_RATIO = 1.0;

    StepPolicy {
        Objects.requireNonNull(onContentBlocked, "onContentBlocked");
        Objects.requireNonNull(preference, "preference");
    }
}
