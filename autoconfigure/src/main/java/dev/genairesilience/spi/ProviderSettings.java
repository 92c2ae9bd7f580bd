package dev.genairesilience.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What configuration says about one provider, handed to its {@link ImageProviderFactory}. Built with
 * {@link #builder(String, String)}; {@link #toString()} never shows the key.
 */
public final class ProviderSettings {

    /** The default of {@code genai.http.max-response-size}: 64 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    private final String id;
    private final String type;
    private final String model;
    private final String apiKey;
    private final URI baseUrl;
    private final Duration timeout;
    private final boolean waitForModel;
    private final Map<String, String> options;
    private final long maxResponseBytes;

    private ProviderSettings(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.type = Objects.requireNonNull(b.type, "type");
        this.model = b.model;
        this.apiKey = b.apiKey;
        this.baseUrl = b.baseUrl;
        this.timeout = b.timeout;
        this.waitForModel = b.waitForModel;
        this.options = b.options == null ? Map.of() : Map.copyOf(b.options);
        if (b.maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1, was " + b.maxResponseBytes);
        }
        this.maxResponseBytes = b.maxResponseBytes;
    }

    /**
     * @param id   the key under {@code genai.providers}
     * @param type the provider type ({@code gemini}, {@code openai}, {@code huggingface}, {@code local}, …)
     */
    public static Builder builder(String id, String type) {
        return new Builder(id, type);
    }

    /** The key under {@code genai.providers}. */
    public String id() {
        return id;
    }

    /** The provider type. */
    public String type() {
        return type;
    }

    /** The model id at that API. */
    public String model() {
        return model;
    }

    /** The key, or {@code null}/empty; never log it. */
    public String apiKey() {
        return apiKey;
    }

    /** The API's base URL (the host root), or {@code null} for the type's public default. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The longest one call may take. */
    public Duration timeout() {
        return timeout;
    }

    /** Hugging Face: ask the server to hold the call until a cold model is loaded. */
    public boolean waitForModel() {
        return waitForModel;
    }

    /** Anything else a provider type understands ({@code genai.providers.x.options.*}). */
    public Map<String, String> options() {
        return options;
    }

    /**
     * The largest answer body one call may read ({@code genai.http.max-response-size}): hand it to the
     * {@code ProviderHttpClient}, or bound the reads of your own client by it.
     */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /** Whether an API key was given. */
    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "ProviderSettings[id=" + id + ", type=" + type + ", model=" + model + ", apiKey="
                + (hasApiKey() ? "<set>" : "<none>") + ", baseUrl=" + baseUrl + ", timeout=" + timeout
                + ", waitForModel=" + waitForModel + ", options=" + options.keySet() + ", maxResponseBytes="
                + maxResponseBytes + "]";
    }

    /** Builds {@link ProviderSettings}; answers are bounded by {@link #DEFAULT_MAX_RESPONSE_BYTES} unless set. */
    public static final class Builder {

        private final String id;
        private final String type;
        private String model;
        private String apiKey;
        private URI baseUrl;
        private Duration timeout;
        private boolean waitForModel;
        private Map<String, String> options;
        private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;

        private Builder(String id, String type) {
            this.id = id;
            this.type = type;
        }

        public Builder model(String model) {
            this.model = model;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder waitForModel(boolean waitForModel) {
            this.waitForModel = waitForModel;
            return this;
        }

        public Builder options(Map<String, String> options) {
            this.options = options;
            return this;
        }

        public Builder maxResponseBytes(long maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        public ProviderSettings build() {
            return new ProviderSettings(this);
        }
    }
}
