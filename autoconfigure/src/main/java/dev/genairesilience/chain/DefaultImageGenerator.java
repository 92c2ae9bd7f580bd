package dev.genairesilience.chain;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageJobQueue;
import dev.genairesilience.ImageOrJob;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.batch.ProviderJob;
import dev.genairesilience.batch.QueuedGenerator;
import dev.genairesilience.batch.ResumedJob;
import dev.genairesilience.schedule.PeakSchedule;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderImage;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The engine's {@link ImageGenerator}: resolves the chain (the one named, else the first routed tag's, else the
 * default), checks the request, plans the provider × resolution steps and runs them on the {@link ChainExecutor};
 * for a chain that coalesces, identical requests in flight at the same moment share one run ({@link Coalescer}).
 * Submitted work is checked the same way, then handed to the {@link ImageJobQueue}. Each request uses its chain
 * {@link ChainDefinition#inForce(boolean) as it applies} at that moment: its peak settings while a
 * {@link PeakSchedule peak} is on. For the off-peak queue it also keeps the jobs asynchronous providers accept, and
 * fetches one an earlier run left behind ({@link QueuedGenerator}).
 */
public final class DefaultImageGenerator implements ImageGenerator, QueuedGenerator {

    private final Map<String, ChainDefinition> chains;
    private final String defaultChain;
    private final Map<String, String> tagRoutes;
    private final ChainPlanner planner;
    private final ChainExecutor executor;
    private final Executor async;
    private final Supplier<ImageJobQueue> jobs;
    private final Coalescer coalescer = new Coalescer();
    private final PeakSchedule peak;
    private final JobResumer resumer;

    private DefaultImageGenerator(Builder b) {
        this.chains = Map.copyOf(b.chains);
        this.planner = new ChainPlanner(b.providers, b.executor.lanes());
        this.defaultChain = b.defaultChain == null || b.defaultChain.isBlank() ? null : b.defaultChain;
        this.tagRoutes = Map.copyOf(b.tagRoutes);
        this.executor = b.executor;
        this.async = b.async;
        this.jobs = b.jobs;
        this.peak = b.peak;
        this.resumer = new JobResumer(planner, executor);
    }

    /**
     * @param chains    the configured chains by name
     * @param providers the available providers by id (those left out at start-up are absent)
     * @param executor  runs the plans
     * @param async     runs {@code generateAsync}
     */
    public static Builder builder(Map<String, ChainDefinition> chains, Map<String, ImageProvider> providers,
            ChainExecutor executor, Executor async) {
        return new Builder(chains, providers, executor, async);
    }

    @Override
    public GeneratedImage generate(ImageRequest request) {
        return generate(null, request);
    }

    @Override
    public GeneratedImage generate(String chain, ImageRequest request) {
        Objects.requireNonNull(request, "request");
        return generateNow(chain(chain, request).inForce(peak.isOn()), request);
    }

    /**
     * {@inheritDoc} A request that shares a generation in flight ({@code coalesce}) is told of the jobs that
     * generation submits only when it started it.
     */
    @Override
    public GeneratedImage generate(String chain, ImageRequest request, Consumer<ProviderJob> submitted) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(submitted, "submitted");
        return generateNow(chain(chain, request).inForce(peak.isOn()), request, submitted);
    }

    @Override
    public ResumedJob resume(String chain, ImageRequest request, ProviderJob job) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(job, "job");
        ChainDefinition definition = chain(chain, request).inForce(peak.isOn());
        return resumer.resume(definition, ResolvedRequest.of(request, definition), job);
    }

    /** Generates with the chain as it applies now; with identical requests in flight, if it coalesces. */
    private GeneratedImage generateNow(ChainDefinition definition, ImageRequest request) {
        return generateNow(definition, request, null);
    }

    private GeneratedImage generateNow(ChainDefinition definition, ImageRequest request,
            Consumer<ProviderJob> submitted) {
        ResolvedRequest resolved = ResolvedRequest.of(request, definition);
        if (definition.coalesce()) {
            return coalescer.generate(Coalescer.Key.of(definition.name(), resolved), resolved.deadline(),
                    () -> generate(definition, resolved, submitted));
        }
        return generate(definition, resolved, submitted);
    }

    private GeneratedImage generate(ChainDefinition definition, ResolvedRequest request,
            Consumer<ProviderJob> submitted) {
        Plan<ProviderImage> plan = planner.plan(definition, request, submitted);
        Outcome<ProviderImage> outcome = executor.execute(plan);
        ProviderImage image = outcome.value();
        Step<ProviderImage> step = outcome.step();
        return new GeneratedImage(image.bytes(), image.mimeType(), step.provider(), step.model(), step.resolution(),
                outcome.degraded(), outcome.attempts(), outcome.skipped(), false, PriceList.total(outcome.attempts()));
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
    public ImageOrJob generateOrDefer(ImageRequest request) {
        return generateOrDefer(null, request);
    }

    /**
     * Queues a deferrable request while a peak is on in a chain that defers then, if there is a queue (checked as
     * {@link #submit(String, ImageRequest)} checks it); else generates now.
     */
    @Override
    public ImageOrJob generateOrDefer(String chain, ImageRequest request) {
        Objects.requireNonNull(request, "request");
        ChainDefinition configured = chain(chain, request);
        boolean peakOn = peak.isOn();
        ImageJobQueue queue = peakOn && request.deferrable() && configured.peak().defer() ? jobs.get() : null;
        if (queue == null) {
            return ImageOrJob.image(generateNow(configured.inForce(peakOn), request));
        }
        planner.plan(configured, ResolvedRequest.of(request, configured));
        return ImageOrJob.job(queue.enqueue(configured.name(), request));
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
        // checked against the chain as configured: the queue never runs a job during a peak
        ChainDefinition definition = chain(chain, request);
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

    private ChainDefinition chain(String name, ImageRequest request) {
        if (name == null || name.isBlank()) {
            for (String tag : request.tags()) {
                String routed = tagRoutes.get(tag);
                if (routed != null) {
                    return named(routed);
                }
            }
            if (defaultChain != null) {
                return named(defaultChain);
            }
            if (chains.size() == 1) {
                return chains.values().iterator().next();
            }
            throw new GenerationRejectedException("chain", chains.isEmpty() ? "no chain is configured"
                    : "none named and no genai.default-chain set; configured chains: "
                            + new TreeSet<>(chains.keySet()));
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

    /**
     * Builds a {@link DefaultImageGenerator}: no default chain (the only chain there is, if there is one), no tag
     * routes, no off-peak queue, no peak hours.
     */
    public static final class Builder {

        private final Map<String, ChainDefinition> chains;
        private final Map<String, ImageProvider> providers;
        private final ChainExecutor executor;
        private final Executor async;
        private String defaultChain;
        private Map<String, String> tagRoutes = Map.of();
        private Supplier<ImageJobQueue> jobs = () -> null;
        private PeakSchedule peak = PeakSchedule.none();

        private Builder(Map<String, ChainDefinition> chains, Map<String, ImageProvider> providers,
                ChainExecutor executor, Executor async) {
            this.chains = Objects.requireNonNull(chains, "chains");
            this.providers = Objects.requireNonNull(providers, "providers");
            this.executor = Objects.requireNonNull(executor, "executor");
            this.async = Objects.requireNonNull(async, "async");
        }

        /** The chain used when a request names none and no tag routes it ({@code genai.default-chain}). */
        public Builder defaultChain(String defaultChain) {
            this.defaultChain = defaultChain;
            return this;
        }

        /**
         * The chain for each request tag ({@code genai.routing.tags}), used when the caller names no chain: the
         * request's first tag that has a route picks the chain.
         */
        public Builder tagRoutes(Map<String, String> tagRoutes) {
            this.tagRoutes = Objects.requireNonNull(tagRoutes, "tagRoutes");
            return this;
        }

        /**
         * The off-peak queue, asked for at the first {@code submit} (it runs its jobs through this generator, so it
         * may not exist yet when the generator is built); it may supply {@code null} when there is none.
         */
        public Builder jobs(Supplier<ImageJobQueue> jobs) {
            this.jobs = Objects.requireNonNull(jobs, "jobs");
            return this;
        }

        /** The peak hours ({@code genai.peak.*}), in which the chains' peak settings apply. */
        public Builder peak(PeakSchedule peak) {
            this.peak = Objects.requireNonNull(peak, "peak");
            return this;
        }

        public DefaultImageGenerator build() {
            return new DefaultImageGenerator(this);
        }
    }
}
