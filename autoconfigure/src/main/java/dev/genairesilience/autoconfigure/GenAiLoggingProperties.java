package dev.genairesilience.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The log line written per finished generation (logger {@code
 * dev.genairesilience.internal.observation.GenerationLogger}, at INFO), under {@code genai.logging}.
 */
@ConfigurationProperties("genai.logging")
public class GenAiLoggingProperties {

    /**
     * Whether the line carries the prompt. Off by default: prompts are the application's users' data. API keys are
     * never logged, whatever this says.
     */
    private boolean includePrompt;

    public boolean isIncludePrompt() {
        return includePrompt;
    }

    public void setIncludePrompt(boolean includePrompt) {
        this.includePrompt = includePrompt;
    }
}
