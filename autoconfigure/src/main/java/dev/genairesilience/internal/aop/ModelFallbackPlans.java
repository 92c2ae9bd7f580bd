package dev.genairesilience.internal.aop;

import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.Resolution;
import dev.genairesilience.chain.ChainDefinition;
import dev.genairesilience.chain.Plan;
import dev.genairesilience.chain.Step;
import dev.genairesilience.chain.StepCall;
import dev.genairesilience.spi.ImageProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@code @ModelFallback} method into the engine's {@link Plan}: one step per model (each its own
 * breaker, named after the model), or one per provider × resolution of a configured chain (breakers named
 * after the provider ids). A chain's last resort is not part of it: the method's fallback method is.
 */
public final class ModelFallbackPlans {

    private final Map<String, ChainDefinition> chains;
    private final Map<String, ImageProvider> providers;
    private final Duration modelTimeout;
    private final Duration defaultDeadline;

    /**
     * @param chains          the configured chains by name
     * @param providers       the created providers by id
     * @param modelTimeout    the per-call timeout of a step for {@code models = …}
     * @param defaultDeadline the deadline when the annotation gives none
     */
    public ModelFallbackPlans(Map<String, ChainDefinition> chains, Map<String, ImageProvider> providers,
            Duration modelTimeout, Duration defaultDeadline) {
        this.chains = Map.copyOf(chains);
        this.providers = Map.copyOf(providers);
        this.modelTimeout = modelTimeout;
        this.defaultDeadline = defaultDeadline;
    }

    Plan<Object> plan(ModelFallbackMethod method, StepCall<Object> call) {
        Duration deadline = method.deadline() != null ? method.deadline() : defaultDeadline;
        if (method.chain() == null) {
            List<Step<Object>> steps = method.models().stream()
                    .map(model -> Step.builder(model, call).timeout(modelTimeout).build()).toList();
            return Plan.<Object>builder(method.name(), deadline).steps(steps).build();
        }
        ChainDefinition chain = chains.get(method.chain());
        if (chain == null) {
            throw new GenerationRejectedException("chain",
                    ChainDefinition.unknownChainMessage(method.chain(), chains.keySet()));
        }
        return Plan.<Object>builder(chain.name(), deadline).steps(chainSteps(chain, call))
                .aspectRatio(chain.aspectRatio()).onContentBlocked(chain.onContentBlocked())
                .preference(chain.preference()).build();
    }

    private List<Step<Object>> chainSteps(ChainDefinition chain, StepCall<Object> call) {
        List<Step<Object>> steps = new ArrayList<>();
        chain.order().forEachStep(chain.providers(), chain.resolutionsFrom(chain.resolution()),
                (id, resolution) -> addStep(steps, id, resolution, call));
        return steps;
    }

    private void addStep(List<Step<Object>> steps, String id, Resolution resolution, StepCall<Object> call) {
        ImageProvider provider = providers.get(id);
        if (provider != null && provider.capabilities().resolutions().contains(resolution)) {
            steps.add(Step.builder(id, call).model(provider.model()).resolution(resolution)
                    .timeout(provider.timeout()).alwaysDegraded(provider.capabilities().alwaysDegraded()).build());
        }
    }
}
