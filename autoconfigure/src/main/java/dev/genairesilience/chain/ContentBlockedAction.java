package dev.genairesilience.chain;

/**
 * What a chain does when a provider's content policy refuses the prompt ({@code
 * genai.chains.<name>.on-content-blocked}).
 */
public enum ContentBlockedAction {

    /**
     * Stop and tell the caller ({@code PromptBlockedException}, {@code 422} in a servlet app): another provider
     * would most likely refuse it too, and an application usually wants to know.
     */
    REJECT,

    /** Skip the refusing provider's remaining steps and ask the next provider of the chain. */
    NEXT_PROVIDER
}
