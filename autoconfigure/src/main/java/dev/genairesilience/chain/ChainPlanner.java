package dev.genairesilience.chain;

import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.Resolution;
import dev.genairesilience.batch.ProviderJob;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderImage;
import dev.genairesilience.spi.SubmissionListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Turns a chain and a request into the plan of provider × resolution steps, in the chain's order. A step a
 * provider's capabilities do not cover is left out: it is never sent. With adaptive resolution, the steps of a
 * provider above where its {@link AdaptiveStart} says to start are passed over, with why.
 */
final class ChainPlanner {

    private final Map<String, ImageProvider> providers;
    private final ProviderLanes lanes;
    private final Map<String, ProviderBalancer> balancers = new ConcurrentHashMap<>();

    ChainPlanner(Map<String, ImageProvider> providers, ProviderLanes lanes) {
        this.providers = Map.copyOf(providers);
        this.lanes = lanes;
    }

    /** @throws GenerationRejectedException when the chain has providers but none can serve the request at all */
    Plan<ProviderImage> plan(ChainDefinition chain, ResolvedRequest request) {
        return plan(chain, request, null);
    }

    /**
     * The plan, its asynchronous providers' attempts telling {@code submitted} (when not {@code null}) of each job
     * they submit.
     *
     * @throws GenerationRejectedException when the chain has providers but none can serve the request at all
     */
    Plan<ProviderImage> plan(ChainDefinition chain, ResolvedRequest request, Consumer<ProviderJob> submitted) {
        Map<String, String> laneOf = new HashMap<>();
        List<ImageProvider> available = available(chain, laneOf);
        List<Resolution> resolutions = chain.resolutionsFrom(request.resolution());
        List<Step<ProviderImage>> steps = new ArrayList<>();
        chain.order().forEachStep(available, resolutions,
                (provider, resolution) -> addIfSupported(steps, provider, resolution, request, laneOf, submitted));
        Step<ProviderImage> lastResort = lastResort(chain, resolutions, request, submitted);
        if (steps.isEmpty() && lastResort == null && !available.isEmpty()) {
            throw unservable(chain, available, resolutions, request.aspectRatio());
        }
        Plan.Builder<ProviderImage> plan = Plan.<ProviderImage>builder(chain.name(), request.deadline()).steps(steps)
                .lastResort(lastResort).aspectRatio(request.aspectRatio()).prompt(request.prompt())
                .onContentBlocked(chain.onContentBlocked()).preference(chain.preference());
        if (chain.adaptiveResolution()) {
            available.forEach(provider -> adapt(plan, steps, provider, laneOf.get(provider.id())));
        }
        return plan.build();
    }

    /**
     * The provider behind a lane: the provider itself, or the key of a provider with several ({@code <id>#<n>});
     * {@code null} when there is no such provider (or key) any more.
     */
    ImageProvider providerOf(String lane) {
        String id = ProviderLanes.providerOf(lane);
        ImageProvider provider = providers.get(id);
        if (provider instanceof KeyedImageProvider keyed) {
            for (int i = 0; i < keyed.keyCount(); i++) {
                if (keyed.laneOf(i).equals(lane)) {
                    return keyed.key(i);
                }
            }
            return null;
        }
        return lane.equals(id) ? provider : null;
    }

    /**
     * While the asked resolution is failing on {@code provider}: passes over its steps above the rung its lane says
     * to start at, and gives each failing rung it still tries one attempt only.
     */
    private void adapt(Plan.Builder<ProviderImage> plan, List<Step<ProviderImage>> steps, ImageProvider provider,
            String lane) {
        List<Step<ProviderImage>> own = steps.stream().filter(s -> s.provider().equals(provider.id())).toList();
        List<Resolution> ladder = own.stream().map(Step::resolution).toList();
        ProviderLane providerLane = lanes.lane(lane);
        providerLane.adaptiveStart(ladder).ifPresent(start -> own.forEach(s -> {
            if (s.resolution().compareTo(start.at()) > 0) {
                plan.passOver(s, start.why());
            } else if (providerLane.failing(s.resolution())) {
                plan.tryOnce(s, s.resolution().label() + " is failing on " + provider.id());
            }
        }));
    }

    /**
     * The chain's providers that are there, its balanced ones grouped with the one picked for this request first; a
     * provider with several keys as the one key picked for this request. Fills {@code laneOf} with each one's lane.
     */
    private List<ImageProvider> available(ChainDefinition chain, Map<String, String> laneOf) {
        List<String> ids = chain.providers();
        if (!chain.balance().isEmpty()) {
            ids = balancers.computeIfAbsent(chain.name(), name -> new ProviderBalancer(chain.balance(),
                    chain.balanceBy())).order(ids, this::inFlight);
        }
        List<ImageProvider> available = new ArrayList<>();
        for (String id : ids) {
            ImageProvider provider = providers.get(id);
            if (provider instanceof KeyedImageProvider keyed) {
                int key = keyed.pick(lanes);
                available.add(keyed.key(key));
                laneOf.put(id, keyed.laneOf(key));
            } else if (provider != null) {
                available.add(provider);
                laneOf.put(id, id);
            }
        }
        return available;
    }

    /** A provider's calls in flight, over all its keys. */
    private int inFlight(String id) {
        if (providers.get(id) instanceof KeyedImageProvider keyed) {
            int inFlight = 0;
            for (int i = 0; i < keyed.keyCount(); i++) {
                inFlight += lanes.lane(keyed.laneOf(i)).inFlight();
            }
            return inFlight;
        }
        return lanes.lane(id).inFlight();
    }

    private static void addIfSupported(List<Step<ProviderImage>> steps, ImageProvider provider, Resolution resolution,
            ResolvedRequest request, Map<String, String> laneOf, Consumer<ProviderJob> submitted) {
        if (provider.capabilities().supports(resolution, request.aspectRatio())) {
            steps.add(step(provider, resolution, request, laneOf.get(provider.id()), submitted));
        }
    }

    /** The last resort at the best resolution it can draw, the asked ones first. */
    private Step<ProviderImage> lastResort(ChainDefinition chain, List<Resolution> resolutions,
            ResolvedRequest request, Consumer<ProviderJob> submitted) {
        ImageProvider provider = chain.lastResort() == null ? null : providers.get(chain.lastResort());
        if (provider == null) {
            return null;
        }
        List<Resolution> candidates = new ArrayList<>(resolutions);
        Resolution[] all = Resolution.values();
        for (int i = all.length - 1; i >= 0; i--) {
            candidates.add(all[i]);
        }
        for (Resolution resolution : candidates) {
            if (provider.capabilities().supports(resolution, request.aspectRatio())) {
                return step(provider, resolution, request, provider.id(), submitted);
            }
        }
        return null;
    }

    private static Step<ProviderImage> step(ImageProvider provider, Resolution resolution, ResolvedRequest request,
            String lane, Consumer<ProviderJob> submitted) {
        return Step.<ProviderImage>builder(provider.id(), attempt -> provider.generate(
                new GenerationCall(request.prompt(), attempt.resolution(), request.aspectRatio(), attempt.timeout(),
                        submitted == null ? SubmissionListener.NONE
                                : handle -> submitted.accept(new ProviderJob(lane, attempt.resolution(), handle)))))
                .lane(lane).model(provider.model()).resolution(resolution).timeout(provider.timeout())
                .alwaysDegraded(provider.capabilities().alwaysDegraded()).build();
    }

    private static GenerationRejectedException unservable(ChainDefinition chain, List<ImageProvider> available,
            List<Resolution> resolutions, String aspectRatio) {
        boolean ratioServed = available.stream().anyMatch(p -> p.capabilities().aspectRatios().isEmpty()
                || p.capabilities().aspectRatios().contains(aspectRatio));
        if (!ratioServed) {
            return new GenerationRejectedException("aspectRatio",
                    "no provider of chain '" + chain.name() + "' can generate " + aspectRatio);
        }
        return new GenerationRejectedException("resolution", "no provider of chain '" + chain.name()
                + "' can generate " + labels(resolutions) + " at " + aspectRatio);
    }

    private static String labels(List<Resolution> resolutions) {
        List<String> labels = new ArrayList<>();
        resolutions.forEach(r -> labels.add(r.label()));
        return String.join(" or ", labels);
    }
}
