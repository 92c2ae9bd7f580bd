package dev.genairesilience.spi;

import java.net.http.HttpClient;

/**
 * Creates providers of one type from configuration. Declare one as a bean to add a provider type.
 */
public interface ImageProviderFactory {

    /** The {@code type} value in {@code genai.providers.<id>.type} this factory serves. */
    String type();

    /** Whether providers of this type need an API key (a provider without one is left out of its chains). */
    default boolean requiresApiKey() {
        return true;
    }

    /**
     * Whether the provider of {@code settings} needs an API key: {@link #requiresApiKey()} unless a type can do
     * without one by its options (an {@code azure-openai} provider with a {@code token-source}).
     */
    default boolean requiresApiKey(ProviderSettings settings) {
        return requiresApiKey();
    }

    /**
     * Whether providers of this type cost nothing (an in-process provider such as the offline card): their images
     * cost zero at every resolution that {@code genai.providers.<id>.price} does not price.
     */
    default boolean freeOfCharge() {
        return false;
    }

    /**
     * @param settings   the provider's configuration; a provider reads no answer larger than its
     *                   {@link ProviderSettings#maxResponseBytes()} ({@code ProviderHttpClient} holds to it)
     * @param httpClient the one shared HTTP client (no retries of its own)
     */
    ImageProvider create(ProviderSettings settings, HttpClient httpClient);
}
