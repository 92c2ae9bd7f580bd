package dev.genairesilience.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The figures {@code /actuator/genai} shows, under {@code genai.observation}. */
@ConfigurationProperties("genai.observation")
public class GenAiObservationProperties {

    /** How far back each provider's success rate and latency percentiles reach. */
    private Duration window = Duration.ofMinutes(5);

    /** The most calls one provider's window holds (the oldest go first), so memory stays bounded under load. */
    private int maxSamples = 1000;

    /** How many of the last calls the endpoint lists. */
    private int recentAttempts = 50;

    public Duration getWindow() {
        return window;
    }

    public void setWindow(Duration window) {
        this.window = window;
    }

    public int getMaxSamples() {
        return maxSamples;
    }

    public void setMaxSamples(int maxSamples) {
        this.maxSamples = maxSamples;
    }

    public int getRecentAttempts() {
        return recentAttempts;
    }

    public void setRecentAttempts(int recentAttempts) {
        this.recentAttempts = recentAttempts;
    }
}
