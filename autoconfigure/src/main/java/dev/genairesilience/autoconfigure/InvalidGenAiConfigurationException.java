package dev.genairesilience.autoconfigure;

import java.util.List;

/**
 * The {@code genai.*} configuration cannot work: start-up stops. Each problem starts with the property path
 * at fault, such as {@code genai.chains.product-shots.providers[2]: unknown provider 'gpt-imag'}.
 */
class InvalidGenAiConfigurationException extends IllegalStateException {

    private final List<String> problems;

    public InvalidGenAiConfigurationException(List<String> problems) {
        this(problems, null);
    }

    /** @param cause what made the configuration unusable, such as a provider factory's refusal */
    public InvalidGenAiConfigurationException(List<String> problems, Throwable cause) {
        super(message(problems), cause);
        this.problems = List.copyOf(problems);
    }

    private static String message(List<String> problems) {
        return problems.size() == 1 ? "Invalid genai configuration: " + problems.get(0)
                : "Invalid genai configuration (" + problems.size() + " problems):\n  " + String.join("\n  ", problems);
    }

    /** Every problem found, each naming its property path. */
    public List<String> problems() {
        return problems;
    }
}
