package dev.genairesilience.chain;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderImage;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The engine's {@link ImageGenerator}: resolves the chain, checks the request, plans the provider ×
 * resolution steps and runs them on the {@link ChainExecutor}.
 */
public final class DefaultImageGenerator implements ImageGenerator {

    private final Map<String, ChainDefinition> chains;
    private final String defaultChain;
    private final ChainPlanner planner;
    private final ChainExecutor executor;
    private final Executor async;

    /**
     * @param chains       the configured chains by name
     * @param providers    the available providers by id (those left out at start-up are absent)
     * @param defaultChain the chain used when none is named, or {@code null} to use the only chain there is
     * @param executor     runs the plans
     * @param async        runs {@code generateAsync}
     */
    public DefaultImageGenerator(Map<String, ChainDefinition> chains, Map<String, ImageProvider> providers,
            String defaultChain, ChainExecutor executor, Executor async) {
        this.chains = Map.copyOf(chains);
        this.planner = new ChainPlanner(providers);
        this.defaultChain = defaultChain == null || defaultChain.isBlank() ? null : defaultChain;
        this.executor = Objects.requireNonNull(executor, "executor");
        this.async = Objects.requireNonNull(async, "async");
    }

    @Override
    public GeneratedImage generate(ImageRequest request) {
        return generate(null, request);
    }

    @Override
    public GeneratedImage generate(String chain, ImageRequest request) {
        Objects.requireNonNull(request, "request");
        ChainDefinition definition = chain(chain);
        Plan<ProviderImage> plan = planner.plan(definition, ResolvedRequest.of(request, definition));
        Outcome<ProviderImage> outcome = executor.execute(plan);
        ProviderImage image = outcome.value();
        Step<ProviderImage> step = outcome.step();
        return new GeneratedImage(image.bytes(), image.mimeType(), step.provider(), step.model(), step.resolution(),
                outcome.degraded(), outcome.attempts());
    }

    @Override
    public CompletableFuture<GeneratedImage> generateAsync(ImageRequest request) {
        return generateAsync(null, request);
    }

    @Override
    public CompletableFuture<GeneratedImage> generateAsync(String chain, ImageRequest request) {
        return CompletableFuture.supplyAsync(() -> generate(chain, request), async);
    }

    private ChainDefinition chain(String name) {
        if (name == null || name.isBlank()) {
            if (defaultChain != null) {
                return named(defaultChain);
            }
            if (chains.size() == 1) {
                return chains.values().iterator().next();
            }
            throw new GenerationRejectedException("chain", chains.isEmpty() ? "no chain is configured"
                    : "none named and no genai.default-chain set; configured chains: " + new TreeSet<>(chains.keySet()));
        }
        return named(name);
    }

    private ChainDefinition named(String name) {
        ChainDefinition chain = chains.get(name);
        if (chain == null) {
            throw new GenerationRejectedException("chain",
                    "unknown chain '" + name + "'; configured chains: " + new TreeSet<>(chains.keySet()));
        }
        return chain;
    }
}
