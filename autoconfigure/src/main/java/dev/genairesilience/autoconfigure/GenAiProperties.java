package dev.genairesilience.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

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

    /** Which chain a request goes to when its caller names none. */
    private final Routing routing = new Routing();

    /** The providers' busiest hours, in which the chains' peak settings apply and the off-peak queue never runs. */
    private final Peak peak = new Peak();

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

    public Routing getRouting() {
        return routing;
    }

    public Peak getPeak() {
        return peak;
    }

    @Override
    public String toString() {
        return "GenAiProperties[enabled=" + enabled + ", defaultChain=" + defaultChain + ", providers=" + providers
                + ", chains=" + chains + ", retry=" + retry + ", http=" + http + ", routing=" + routing + ", peak="
                + peak + "]";
    }

    /** {@code genai.peak.*}: the daily peak windows. */
    public static class Peak {

        /**
         * The daily peak windows as HH:mm-HH:mm in genai.peak.zone, such as [09:00-11:00, 13:00-15:00, 18:00-22:00];
         * an end before the start crosses midnight. While one is on, each chain's genai.chains.<name>.peak.* applies
         * and the off-peak queue runs no job. Empty (the default): never a peak.
         */
        private List<String> windows = new ArrayList<>();

        /**
         * The time zone of genai.peak.windows, such as America/Los_Angeles. UTC by default, so that every instance
         * agrees whatever its system zone.
         */
        private ZoneId zone = ZoneId.of("UTC");

        public List<String> getWindows() {
            return windows;
        }

        public void setWindows(List<String> windows) {
            this.windows = windows;
        }

        public ZoneId getZone() {
            return zone;
        }

        public void setZone(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public String toString() {
            return "Peak[windows=" + windows + ", zone=" + zone + "]";
        }
    }

    /** {@code genai.routing.*}: which chain a request goes to when its caller names none. */
    public static class Routing {

        /**
         * The chain for each request tag (ImageRequest.builder(prompt).tag("photoreal")), such as photoreal:
         * product-shots. Used when the caller names no chain: the request's first tag with a route picks the chain;
         * a request without one goes to genai.default-chain.
         */
        private Map<String, String> tags = new LinkedHashMap<>();

        public Map<String, String> getTags() {
            return tags;
        }

        public void setTags(Map<String, String> tags) {
            this.tags = tags;
        }

        @Override
        public String toString() {
            return "Routing[tags=" + tags + "]";
        }
    }

    /** The shared HTTP client's settings. */
    public static class Http {

        /**
         * How long opening a connection to a provider may take; the whole call is bounded by the provider's timeout.
         */
        private Duration connectTimeout = Duration.ofSeconds(10);

        /**
         * The largest answer body a provider call reads (such as 64MB); an answer that says it is larger is refused
         * before its body is read, one that grows larger is cut there, and either fails that attempt as malformed.
         * The default fits a 4K image in base64 JSON: 4096x4096 pixels of 24-bit colour are 48MiB uncompressed,
         * more than a PNG of a generated image weighs (typically a third to a half of it), and base64 adds a
         * third: 64MiB at the very worst, two to three times a typical answer. A call holds at most this much of an
         * answer while reading it, so it also bounds what each call in flight costs the heap. Raise it for RGBA 4K
         * PNGs (up to 86MiB in base64) or larger images.
         */
        private DataSize maxResponseSize = DataSize.ofMegabytes(64);

        /**
         * The HTTP proxy every provider call goes through, such as http://proxy.internal:3128 (host and port; no
         * credentials). Unset: direct connections.
         */
        private URI proxy;

        /**
         * The name of a Spring Boot SSL bundle (spring.ssl.bundle.*) whose trust material the provider calls use, for
         * a gateway or a proxy that presents a certificate of the company's own authority. Unset: the JVM's default
         * trust store.
         */
        private String sslBundle;

        public URI getProxy() {
            return proxy;
        }

        public void setProxy(URI proxy) {
            this.proxy = proxy;
        }

        public String getSslBundle() {
            return sslBundle;
        }

        public void setSslBundle(String sslBundle) {
            this.sslBundle = sslBundle;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public DataSize getMaxResponseSize() {
            return maxResponseSize;
        }

        public void setMaxResponseSize(DataSize maxResponseSize) {
            this.maxResponseSize = maxResponseSize;
        }

        @Override
        public String toString() {
            return "Http[connectTimeout=" + connectTimeout + ", maxResponseSize=" + maxResponseSize + ", proxy=" + proxy
                    + ", sslBundle=" + sslBundle + "]";
        }
    }
}
