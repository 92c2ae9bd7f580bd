package dev.genairesilience.chain;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageJobQueue;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderImage;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The engine's {@link ImageGenerator}: resolves the chain, checks the request, plans the provider ×
 * resolution steps and runs them on the {@link ChainExecutor}. Submitted work is checked the same way, then
 * handed to the {@link ImageJobQueue}.
 */
public final class DefaultImageGenerator implements ImageGenerator {

    private final Map<String, ChainDefinition> chains;
    private final String defaultChain;
    private final ChainPlanner planner;
    private final ChainExecutor executor;
    private final Executor async;
    private final Supplier<ImageJobQueue> jobs;

    /** An engine without an off-peak queue: {@code submit} and {@code job} are refused. */
    public DefaultImageGenerator(Map<String, ChainDefinition> chains, Map<String, ImageProvider> providers,
            String defaultChain, ChainExecutor executor, Executor async) {
        this(chains, providers, defaultChain, executor, async, () -> null);
    }

    /**
     * @param chains       the configured chains by name
     * @param providers    the available providers by id (those left out at start-up are absent)
     * @param defaultChain the chain used when none is named, or {@code null} to use the only chain there is
     * @param executor     runs the plans
     * @param async        runs {@code generateAsync}
     * @param jobs         the off-peak queue, asked for at the first {@code submit} (it runs its jobs through this
     *                     generator, so it may not exist yet when the generator is built); {@code null} when there
     *                     is none
     */
    public DefaultImageGenerator(Map<String, ChainDefinition> chains, Map<String, ImageProvider> providers,
            String defaultChain, ChainExecutor executor, Executor async, Supplier<ImageJobQueue> jobs) {
        this.chains = Map.copyOf(chains);
        this.planner = new ChainPlanner(providers);
        this.defaultChain = defaultChain == null || defaultChain.isBlank() ? null : defaultChain;
        this.executor = Objects.requireNonNull(executor, "executor");
        this.async = Objects.requireNonNull(async, "async");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
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
                outcome.degraded(), outcome.attempts(), outcome.skipped());
    }

    @Override
    public CompletableFuture<GeneratedImage> generateAsync(ImageRequest request) {
        return generateAsync(null, request);
    }

    @Override
    public CompletableFuture<GeneratedImage> generateAsync(String chain, ImageRequest request) {
        return CompletableFuture.supplyAsync(() -> generate(chain, request), async);
    }

    @Override
    public ImageJob submit(ImageRequest request) {
        return submit(null, request);
    }

    /** Checks the request by the rules {@link #generate(String, ImageRequest)} applies, then queues it. */
    @Override
    public ImageJob submit(String chain, ImageRequest request) {
        Objects.requireNonNull(request, "request");
        ImageJobQueue queue = queue();
        ChainDefinition definition = chain(chain);
        planner.plan(definition, ResolvedRequest.of(request, definition));
        return queue.enqueue(definition.name(), request);
    }

    @Override
    public Optional<ImageJob> job(String id) {
        return queue().find(id);
    }

    private ImageJobQueue queue() {
        ImageJobQueue queue = jobs.get();
        if (queue == null) {
            throw new IllegalStateException("No off-peak queue is configured: it needs db-scheduler and Spring JDBC "
                    + "on the class path, a DataSource, and genai.batch.enabled=true");
        }
        return queue;
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
            throw new GenerationRejectedException("chain", ChainDefinition.unknownChainMessage(name, chains.keySet()));
        }
        return chain;
    }
}
