package dev.genairesilience.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code genai.*} configuration: the providers, the chains over them, how the engine retries, and the
 * shared HTTP client. Checked at start-up by {@link GenAiConfigurationValidator}, which names the property at
 * fault.
 */
@ConfigurationProperties("genai")
public class GenAiProperties {

    /** Whether the starter configures anything at all; false leaves every genai bean out. */
    private boolean enabled = true;

    /**
     * The chain used when a call names none (by ImageGenerator.generate(request) or an
     * @ImageGeneration without a chain). Unset: the only configured chain, if there is exactly one.
     */
    private String defaultChain;

    /** The configured providers by id: one model at one API each. The id also names its circuit breaker. */
    private Map<String, GenAiProviderProperties> providers = new LinkedHashMap<>();

    /** The configured chains by name: which providers to try, in order, at which resolutions. */
    private Map<String, GenAiChainProperties> chains = new LinkedHashMap<>();

    /** How the engine retries one step, and how much retrying each provider may receive. */
    @NestedConfigurationProperty
    private GenAiRetryProperties retry = new GenAiRetryProperties();

    /** The HTTP client shared by every provider. */
    private final Http http = new Http();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getDefaultChain() {
        return defaultChain;
    }

    public void setDefaultChain(String defaultChain) {
        this.defaultChain = defaultChain;
    }

    public Map<String, GenAiProviderProperties> getProviders() {
        return providers;
    }

    public void setProviders(Map<String, GenAiProviderProperties> providers) {
        this.providers = providers;
    }

    public Map<String, GenAiChainProperties> getChains() {
        return chains;
    }

    public void setChains(Map<String, GenAiChainProperties> chains) {
        this.chains = chains;
    }

    public GenAiRetryProperties getRetry() {
        return retry;
    }

    public void setRetry(GenAiRetryProperties retry) {
        this.retry = retry;
    }

    public Http getHttp() {
        return http;
    }

    @Override
    public String toString() {
        return "GenAiProperties[enabled=" + enabled + ", defaultChain=" + defaultChain + ", providers=" + providers
                + ", chains=" + chains + ", retry=" + retry + ", http=" + http + "]";
    }

    /** The shared HTTP client's settings. */
    public static class Http {

        /**
         * How long opening a connection to a provider may take; the whole call is bounded by the provider's timeout.
         */
        private Duration connectTimeout = Duration.ofSeconds(10);

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        @Override
        public String toString() {
            return "Http[connectTimeout=" + connectTimeout + "]";
        }
    }
}
