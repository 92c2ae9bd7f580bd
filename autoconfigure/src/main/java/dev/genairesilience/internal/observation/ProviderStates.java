package dev.genairesilience.internal.observation;

import dev.genairesilience.chain.ChainDefinition;
import dev.genairesilience.chain.ProviderBreakers;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.internal.warmup.ProbeResults;
import dev.genairesilience.internal.warmup.ProbeStatus;
import dev.genairesilience.internal.warmup.WarmupStates;
import dev.genairesilience.internal.warmup.WarmupStatus;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides how each provider and chain stands, from the worst sign found: {@code MISCONFIGURED} (left out for want
 * of a key, or the last call, warm-up or probe met 401/403/404), {@code DOWN} (breaker open), {@code COLD} (to be
 * warmed, not warm), {@code DEGRADED} (breaker half-open, failed calls in the breaker's window, or a failed probe),
 * else {@code UP}. A chain can serve when one of its providers, or its last resort, can.
 */
public final class ProviderStates {

    private final Map<String, ConfiguredProvider> providers;
    private final Map<String, ChainDefinition> chains;
    private final ProviderBreakers breakers;
    private final ProviderActivity activity;
    private final WarmupStates warmups;
    private final ProbeResults probes;

    /**
     * @param providers every configured provider by id, in configuration order
     * @param chains    every chain by name, in configuration order
     * @param breakers  the providers' breakers
     * @param activity  the calls made
     * @param warmups   the warm-up targets' states
     * @param probes    the providers' last probes
     */
    public ProviderStates(Map<String, ConfiguredProvider> providers, Map<String, ChainDefinition> chains,
            ProviderBreakers breakers, ProviderActivity activity, WarmupStates warmups, ProbeResults probes) {
        this.providers = new LinkedHashMap<>(providers);
        this.chains = new LinkedHashMap<>(chains);
        this.breakers = Objects.requireNonNull(breakers, "breakers");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.warmups = Objects.requireNonNull(warmups, "warmups");
        this.probes = Objects.requireNonNull(probes, "probes");
    }

    /** Every configured provider's state, in configuration order. */
    public Map<String, ProviderState> providers() {
        Map<String, ProviderState> states = new LinkedHashMap<>();
        providers.values().forEach(p -> states.put(p.id(), state(p)));
        return states;
    }

    /** Every chain's state, in configuration order, judged on {@code providers}' states. */
    public Map<String, ChainState> chains(Map<String, ProviderState> providers) {
        Map<String, ChainState> states = new LinkedHashMap<>();
        chains.values().forEach(chain -> {
            List<String> serving = new ArrayList<>();
            chain.providers().stream().filter(id -> canServe(providers, id)).forEach(serving::add);
            if (chain.lastResort() != null && canServe(providers, chain.lastResort())) {
                serving.add(chain.lastResort());
            }
            states.put(chain.name(), new ChainState(chain.name(), !serving.isEmpty(), chain.providers(),
                    chain.lastResort(), serving));
        });
        return states;
    }

    /** The configured chains, in configuration order. */
    public Map<String, ChainDefinition> chainDefinitions() {
        return Collections.unmodifiableMap(chains);
    }

    private static boolean canServe(Map<String, ProviderState> providers, String id) {
        ProviderState state = providers.get(id);
        return state != null && state.health().canServe();
    }

    private ProviderState state(ConfiguredProvider p) {
        if (!p.created()) {
            return new ProviderState(p.id(), p.type(), p.model(), ProviderHealth.MISCONFIGURED,
                    "left out at start-up: no API key (genai.providers." + p.id() + ".api-key is empty)", null);
        }
        CircuitBreaker breaker = p.breakers() ? breakers.forId(p.id()) : null;
        String breakerState = breaker == null ? null : breaker.getState().name();
        Optional<WarmupStatus> warmup = warmups.status(p.id());
        Optional<ProbeStatus> probe = probes.last(p.id());
        String misconfigured = misconfiguration(p.id(), warmup, probe);
        if (misconfigured != null) {
            return new ProviderState(p.id(), p.type(), p.model(), ProviderHealth.MISCONFIGURED, misconfigured,
                    breakerState);
        }
        if (breaker != null && (breaker.getState() == State.OPEN || breaker.getState() == State.FORCED_OPEN)) {
            return new ProviderState(p.id(), p.type(), p.model(), ProviderHealth.DOWN,
                    "circuit breaker " + breakerState.toLowerCase(Locale.ROOT) + failureRate(breaker),
                    breakerState);
        }
        if (warmup.isPresent() && warmup.get().state() != WarmupStatus.State.WARM) {
            WarmupStatus w = warmup.get();
            String reason = w.state() == WarmupStatus.State.FAILED ? "warm-up failed: " + w.problem()
                    : w.state() == WarmupStatus.State.WARMING ? "warming up" : "not warmed yet";
            return new ProviderState(p.id(), p.type(), p.model(), ProviderHealth.COLD, reason, breakerState);
        }
        String degraded = degradation(breaker, probe);
        return new ProviderState(p.id(), p.type(), p.model(),
                degraded == null ? ProviderHealth.UP : ProviderHealth.DEGRADED, degraded, breakerState);
    }

    private String misconfiguration(String id, Optional<WarmupStatus> warmup, Optional<ProbeStatus> probe) {
        Optional<RecentAttempt> call = activity.configurationProblem(id);
        if (call.isPresent()) {
            return "the last call was refused: " + call.get().outcome() + " (HTTP " + call.get().httpStatus()
                    + ") at " + call.get().at();
        }
        if (warmup.isPresent() && warmup.get().state() == WarmupStatus.State.FAILED
                && isConfigurationFailure(warmup.get().failure())) {
            return "warm-up refused: " + warmup.get().problem();
        }
        if (probe.isPresent() && !probe.get().passed() && isConfigurationFailure(probe.get().failure())) {
            return "probe refused: " + probe.get().failure() + " (HTTP " + probe.get().httpStatus() + ") at "
                    + probe.get().at();
        }
        return null;
    }

    private static boolean isConfigurationFailure(FailureKind kind) {
        return kind != null && kind.misconfiguresProvider();
    }

    private static String degradation(CircuitBreaker breaker, Optional<ProbeStatus> probe) {
        if (breaker != null && breaker.getState() == State.HALF_OPEN) {
            return "circuit breaker half-open";
        }
        if (breaker != null && breaker.getMetrics().getNumberOfFailedCalls() > 0) {
            CircuitBreaker.Metrics m = breaker.getMetrics();
            return m.getNumberOfFailedCalls() + " of the last " + m.getNumberOfBufferedCalls() + " calls failed";
        }
        if (probe.isPresent() && !probe.get().passed()) {
            return "the last probe failed: " + probe.get().failure() + (probe.get().httpStatus() > 0
                    ? " (HTTP " + probe.get().httpStatus() + ")" : "");
        }
        return null;
    }

    private static String failureRate(CircuitBreaker breaker) {
        float rate = breaker.getMetrics().getFailureRate();
        return rate < 0 ? "" : String.format(Locale.ROOT, " (failure rate %.0f%%)", rate);
    }
}
