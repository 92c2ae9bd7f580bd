package dev.genairesilience.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * What configuration says about one provider, handed to its {@link ImageProviderFactory}.
 *
 * @param id           the key under {@code genai.providers}
 * @param type         the provider type ({@code gemini}, {@code openai}, {@code huggingface}, {@code local}, …)
 * @param model        the model id at that API
 * @param apiKey       the key, or {@code null}/empty; never log it
 * @param baseUrl      the API's base URL, or {@code null} for the type's public default
 * @param timeout      the longest one call may take
 * @param waitForModel Hugging Face: ask the server to hold the call until a cold model is loaded
 * @param options      anything else a provider type understands ({@code genai.providers.x.options.*})
 * @param maxResponseBytes the largest answer body one call may read ({@code genai.http.max-response-size});
 *                     hand it to the {@code ProviderHttpClient}, or bound the reads of your own client by it
 */
public record ProviderSettings(String id, String type, String model, String apiKey, URI baseUrl, Duration timeout,
        boolean waitForModel, Map<String, String> options, long maxResponseBytes) {

    /** The default of {@code genai.http.max-response-size}: 64 MiB. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;

    public ProviderSettings {
        options = options == null ? Map.of() : Map.copyOf(options);
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1, was " + maxResponseBytes);
        }
    }

    /** Settings whose answers are bounded by {@link #DEFAULT_MAX_RESPONSE_BYTES}. */
    public ProviderSettings(String id, String type, String model, String apiKey, URI baseUrl, Duration timeout,
            boolean waitForModel, Map<String, String> options) {
        this(id, type, model, apiKey, baseUrl, timeout, waitForModel, options, DEFAULT_MAX_RESPONSE_BYTES);
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
}
