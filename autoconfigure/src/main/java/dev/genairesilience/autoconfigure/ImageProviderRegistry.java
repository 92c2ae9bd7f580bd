package dev.genairesilience.autoconfigure;

import dev.genairesilience.chain.ChainDefinition;
import dev.genairesilience.chain.PriceList;
import dev.genairesilience.spi.ImageProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What start-up made of {@code genai.*}: the providers that could be created, by id, and the chains over them
 * (providers left out at start-up are already gone from the chains).
 */
public final class ImageProviderRegistry {

    private final Map<String, ImageProvider> providers;
    private final Map<String, ChainDefinition> chains;
    private final String defaultChain;
    private final PriceList prices;

    /** A registry whose providers have no prices. */
    public ImageProviderRegistry(Map<String, ImageProvider> providers, Map<String, ChainDefinition> chains,
            String defaultChain) {
        this(providers, chains, defaultChain, PriceList.NONE);
    }

    /**
     * @param providers    the created providers by id, in configuration order
     * @param chains       the chains by name, in configuration order
     * @param defaultChain {@code genai.default-chain}, or {@code null}
     * @param prices       what the created providers charge ({@code genai.providers.<id>.price})
     */
    public ImageProviderRegistry(Map<String, ImageProvider> providers, Map<String, ChainDefinition> chains,
            String defaultChain, PriceList prices) {
        this.providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
        this.chains = Collections.unmodifiableMap(new LinkedHashMap<>(chains));
        this.defaultChain = defaultChain;
        this.prices = Objects.requireNonNull(prices, "prices");
    }

    /** The created providers by id, in configuration order. */
    public Map<String, ImageProvider> providers() {
        return providers;
    }

    /** The provider with this id, if it was created. */
    public Optional<ImageProvider> provider(String id) {
        return Optional.ofNullable(providers.get(id));
    }

    /** The chains by name, in configuration order. */
    public Map<String, ChainDefinition> chains() {
        return chains;
    }

    /** {@code genai.default-chain}, or {@code null} when it is not set. */
    public String defaultChain() {
        return defaultChain;
    }

    /** What the created providers charge. */
    public PriceList prices() {
        return prices;
    }

    @Override
    public String toString() {
        return "ImageProviderRegistry[providers=" + providers.keySet() + ", chains=" + chains.keySet()
                + ", defaultChain=" + defaultChain + "]";
    }
}
