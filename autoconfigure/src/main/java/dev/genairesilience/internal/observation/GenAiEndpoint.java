package dev.genairesilience.internal.observation;

import dev.genairesilience.Resolution;
import dev.genairesilience.chain.ChainDefinition;
import dev.genairesilience.chain.ProviderLane;
import dev.genairesilience.chain.ProviderLanes;
import dev.genairesilience.chain.RetryBudgets;
import dev.genairesilience.internal.warmup.ProbeResults;
import dev.genairesilience.internal.warmup.ProbeStatus;
import dev.genairesilience.internal.warmup.WarmupStates;
import dev.genairesilience.internal.warmup.WarmupStatus;
import dev.genairesilience.spi.ImageProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.availability.ApplicationAvailability;

/**
 * {@code /actuator/genai}: the chains and their steps, each provider's state, breaker, warm-up, probe, success rate,
 * latency percentiles and spend (overall and per resolution) over a sliding window, the retry budgets' use, and the
 * last calls made. No keys, no prompts.
 */
@Endpoint(id = "genai")
public class GenAiEndpoint {

    private final ProviderStates states;
    private final Map<String, ImageProvider> created;
    private final ProviderLanes lanes;
    private final ProviderActivity activity;
    private final WarmupStates warmups;
    private final ProbeResults probes;
    private final RetryBudgets budgets;
    private final ApplicationAvailability availability;
    private final Duration window;

    /**
     * @param states       how providers and chains stand
     * @param created      the providers start-up created, by id
     * @param lanes        their lanes: breakers, concurrency limits, holds
     * @param activity     the calls made
     * @param warmups      the warm-up targets' states
     * @param probes       the last probes
     * @param budgets      the retry budgets
     * @param availability the application's readiness
     * @param window       how far back {@code activity} reaches, to say so
     */
    public GenAiEndpoint(ProviderStates states, Map<String, ImageProvider> created, ProviderLanes lanes,
            ProviderActivity activity, WarmupStates warmups, ProbeResults probes, RetryBudgets budgets,
            ApplicationAvailability availability, Duration window) {
        this.states = Objects.requireNonNull(states, "states");
        this.created = Map.copyOf(created);
        this.lanes = Objects.requireNonNull(lanes, "lanes");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.warmups = Objects.requireNonNull(warmups, "warmups");
        this.probes = Objects.requireNonNull(probes, "probes");
        this.budgets = Objects.requireNonNull(budgets, "budgets");
        this.availability = Objects.requireNonNull(availability, "availability");
        this.window = Objects.requireNonNull(window, "window");
    }

    /** Everything above, now. */
    @ReadOperation
    public GenAiReport report() {
        Map<String, ProviderState> providers = states.providers();
        Map<String, ChainState> chainStates = states.chains(providers);
        Map<String, GenAiReport.Chain> chains = new LinkedHashMap<>();
        states.chainDefinitions().forEach((name, c) -> chains.put(name, chain(c, chainStates.get(name))));
        Map<String, GenAiReport.Provider> providerViews = new LinkedHashMap<>();
        providers.forEach((id, p) -> providerViews.put(id, provider(p)));
        Map<String, GenAiReport.Warmup> warmupViews = new LinkedHashMap<>();
        warmups.all().forEach((name, w) -> warmupViews.put(name, warmup(w)));
        return new GenAiReport(availability.getReadinessState().name(), window.toString(), chains, providerViews,
                warmupViews, budgets.snapshots(), activity.recentAttempts());
    }

    private GenAiReport.Chain chain(ChainDefinition c, ChainState state) {
        List<String> degrade = c.degrade().stream().map(Resolution::label).toList();
        return new GenAiReport.Chain(state.canServe() ? "UP" : "DOWN", c.providers(), c.lastResort(), state.serving(),
                c.resolution().label(), degrade, c.aspectRatio(), c.deadline().toString(), c.order().name(),
                steps(c));
    }

    /** The steps a request with the chain's defaults tries: the same order and capability rule as the engine's. */
    private List<String> steps(ChainDefinition c) {
        List<ImageProvider> available = c.providers().stream().filter(created::containsKey).map(created::get).toList();
        List<String> steps = new ArrayList<>();
        c.order().forEachStep(available, c.resolutionsFrom(c.resolution()), (provider, resolution) -> {
            if (provider.capabilities().supports(resolution, c.aspectRatio())) {
                steps.add(provider.id() + "/" + resolution.label());
            }
        });
        return steps;
    }

    private GenAiReport.Provider provider(ProviderState p) {
        GenAiReport.Breaker breaker = null;
        ProviderLane lane = lanes.lane(p.id());
        if (p.breaker() != null) {
            CircuitBreaker b = lane.breaker();
            CircuitBreaker.Metrics m = b.getMetrics();
            breaker = new GenAiReport.Breaker(b.getState().name(), m.getFailureRate(), m.getNumberOfBufferedCalls(),
                    m.getNumberOfFailedCalls(), m.getNumberOfNotPermittedCalls());
        }
        return new GenAiReport.Provider(p.type(), p.model(), p.health().name(), p.reason(), breaker,
                warmups.status(p.id()).map(GenAiEndpoint::warmup).orElse(null),
                probes.last(p.id()).map(GenAiEndpoint::probe).orElse(null), activity.stats(p.id()),
                activity.statsByResolution(p.id()), new GenAiReport.Lane(lane.concurrencyLimit(), lane.inFlight(),
                        lane.heldFor().toMillis(), lane.learnedQuota()));
    }

    private static GenAiReport.Warmup warmup(WarmupStatus w) {
        return new GenAiReport.Warmup(w.state().name(), text(w.since()), text(w.lastWarmed()), w.warmUps(),
                w.problem());
    }

    private static GenAiReport.Probe probe(ProbeStatus p) {
        return new GenAiReport.Probe(p.passed(), text(p.at()), p.failure() == null ? null : p.failure().name(),
                p.httpStatus(), p.consecutiveFailures());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
