package dev.genairesilience.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Warm-up at start-up and keep-alive, under {@code genai.warmup}. */
@ConfigurationProperties("genai.warmup")
public class GenAiWarmupProperties {

    /**
     * Providers (ids under genai.providers) to warm once the application has started, each with its type's cheapest
     * call: Hugging Face generates a tiny image with x-wait-for-model, so a cold model loads; Gemini and OpenAI read
     * the model's metadata, which checks key and model id for free.
     */
    private List<String> providers = new ArrayList<>();

    /**
     * How long one warm-up may take, retries and server waits included; also the default of
     * {@code @WarmOnStartup(timeout)}. Readiness is held back at most this long (the longest of all warm-ups).
     */
    private Duration timeout = Duration.ofMinutes(2);

    /** How often to warm the providers again after start-up, to keep them hot, such as 15m; unset for never. */
    private Duration keepAlive;

    /**
     * Whether the application's readiness stays REFUSING_TRAFFIC until every warm-up has ended or timed out. Unset:
     * on when Spring Boot Actuator is on the class path (its readiness probe is what holds traffic back).
     */
    private Boolean gateReadiness;

    /** Whether a warm-up that still fails when warm-up ends closes the application; by default it is only reported. */
    private boolean required;

    public List<String> getProviders() {
        return providers;
    }

    public void setProviders(List<String> providers) {
        this.providers = providers;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getKeepAlive() {
        return keepAlive;
    }

    public void setKeepAlive(Duration keepAlive) {
        this.keepAlive = keepAlive;
    }

    public Boolean getGateReadiness() {
        return gateReadiness;
    }

    public void setGateReadiness(Boolean gateReadiness) {
        this.gateReadiness = gateReadiness;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }
}
