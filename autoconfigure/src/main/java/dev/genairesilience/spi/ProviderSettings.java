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
 */
public record ProviderSettings(String id, String type, String model, String apiKey, URI baseUrl, Duration timeout,
        boolean waitForModel, Map<String, String> options) {

    public ProviderSettings {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** Whether an API key was given. */
    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank();
    }

    @Override
    public String toString() {
        return "ProviderSettings[id=" + id + ", type=" + type + ", model=" + model + ", apiKey="
                + (hasApiKey() ? "<set>" : "<none>") + ", baseUrl=" + baseUrl + ", timeout=" + timeout
                + ", waitForModel=" + waitForModel + ", options=" + options.keySet() + "]";
    }
}
