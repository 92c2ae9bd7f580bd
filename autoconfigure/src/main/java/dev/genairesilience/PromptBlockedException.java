package dev.genairesilience;

/**
 * A provider's content policy refused the prompt (Gemini {@code IMAGE_SAFETY}, OpenAI {@code moderation_blocked},
 * …) and the chain's {@code on-content-blocked} is {@code reject}: nothing was generated, and asking again with the
 * same prompt cannot help. In a servlet application an unhandled one becomes {@code 422} problem+json. The message
 * names the provider and its reason code, never the prompt.
 */
public class PromptBlockedException extends GenerationRejectedException {

    private final String provider;

    /**
     * @param provider   the provider whose policy refused
     * @param reason     the provider's reason code, such as {@code IMAGE_SAFETY}
     * @param httpStatus the provider's status ({@code 200} for Gemini, {@code 400} for OpenAI)
     */
    public PromptBlockedException(String provider, String reason, int httpStatus) {
        super("prompt", "refused by the content policy of " + provider + " (" + reason + "); nothing was generated",
                httpStatus);
        this.provider = provider;
    }

    /** The provider whose content policy refused the prompt. */
    public String provider() {
        return provider;
    }
}
