package dev.genairesilience.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a failed start-up caused by {@code genai.*} configuration into Spring Boot's "APPLICATION FAILED TO
 * START" report: each problem on its own line with its property path, and what to do about it.
 */
class InvalidGenAiConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidGenAiConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidGenAiConfigurationException cause) {
        String description = "The genai configuration cannot work:\n\n    "
                + String.join("\n    ", cause.problems()) + "\n";
        String action = "Correct the genai.* properties named above (in application.yml, the environment or the "
                + "command line). Every provider a chain names must be defined under genai.providers with a known type.";
        return new FailureAnalysis(description, action, cause);
    }
}
