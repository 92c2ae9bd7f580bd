package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.Resolution;
import dev.genairesilience.autoconfigure.GenAiRetryProperties;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.chain.GenAiBreakerDefaults;
import dev.genairesilience.chain.RetrySettings;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code application.yml} of the engine under test: the lineup as providers and one chain over them, every
 * other setting left at the starter's default, and each default duration scaled. The defaults are repeated here
 * only to be scaled: each value written is the one the engine takes when the property is unset.
 */
public final class EngineProperties {

    /** The chain every request goes through. */
    public static final String CHAIN = "bench";

    /** What {@code genai-resilience (quality)} adds to {@link #of}: the chain's preference, quality. */
    public static final Map<String, Object> QUALITY = Map.of("genai.chains." + CHAIN + ".prefer", "quality");

    private EngineProperties() {
    }

    /** The properties for {@code lineup} with durations scaled by {@code scale}. */
    public static Map<String, Object> of(ProviderLineup lineup, TimeScale scale) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.main.banner-mode", "off");
        p.put("spring.main.log-startup-info", "false");
        p.put("logging.level.root", "WARN");
        lineup.models().forEach(m -> p.putAll(provider(m, lineup, scale)));
        p.put("genai.chains." + CHAIN + ".providers",
                lineup.models().stream().map(ModelEndpoint::id).collect(Collectors.joining(",")));
        p.putAll(scaledDefaults(scale));
        return p;
    }

    /**
     * The chain as {@code ask} shapes it: its {@code resolution}, its {@code degrade} ladder when there is one, and
     * the ask's chain settings.
     */
    public static Map<String, Object> chain(ImageAsk ask) {
        Map<String, Object> p = new LinkedHashMap<>();
        String prefix = "genai.chains." + CHAIN + ".";
        p.put(prefix + "resolution", ask.resolution().label());
        if (!ask.degrade().isEmpty()) {
            p.put(prefix + "degrade", ask.degrade().stream().map(Resolution::label).collect(Collectors.joining(",")));
        }
        ask.chainSettings().forEach((name, value) -> p.put(prefix + name, value));
        return p;
    }

    /** {@link #of} plus {@link #QUALITY}. */
    public static Map<String, Object> preferringQuality(ProviderLineup lineup, TimeScale scale) {
        Map<String, Object> p = of(lineup, scale);
        p.putAll(QUALITY);
        return p;
    }

    /** One model as {@code genai.providers.<id>.*}, with the default timeout scaled. */
    public static Map<String, Object> provider(ModelEndpoint model, ProviderLineup lineup, TimeScale scale) {
        Map<String, Object> p = new LinkedHashMap<>();
        String prefix = "genai.providers." + model.id() + ".";
        p.put(prefix + "type", model.api().type());
        p.put(prefix + "model", model.model());
        p.put(prefix + "api-key", ProviderLineup.API_KEY);
        p.put(prefix + "base-url", lineup.baseUrl().toString());
        p.put(prefix + "timeout", scale.property(ProviderLineup.CALL_TIMEOUT));
        return p;
    }

    /**
     * The starter's default durations, scaled: what RESULTS.md lists as scaled. The breaker's defaults are the
     * engine's image-generation ones ({@link GenAiBreakerDefaults}), which the starter applies when the application
     * configures no breaker; scaling their wait means configuring them, so every one of their values is written
     * out as {@code configs.default}, read from the engine itself, the durations scaled.
     */
    public static Map<String, Object> scaledDefaults(TimeScale scale) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("genai.chains." + CHAIN + ".deadline", scale.property(Duration.ofSeconds(60)));
        p.put("genai.retry.initial-interval", scale.property(Duration.ofMillis(500)));
        p.put("genai.retry.max-interval", scale.property(Duration.ofSeconds(30)));
        p.put("genai.retry.max-server-wait", scale.property(Duration.ofSeconds(60)));
        p.put("genai.retry.default-deadline", scale.property(Duration.ofSeconds(60)));
        p.put("genai.retry.budget.window", scale.property(Duration.ofSeconds(10)));
        p.put("genai.retry.fallback-reserve", scale.property(RetrySettings.defaults().fallbackReserve()));
        p.put("genai.retry.quota-window", scale.property(new GenAiRetryProperties().getQuotaWindow()));
        CircuitBreakerConfig breaker = GenAiBreakerDefaults.config();
        String prefix = "resilience4j.circuitbreaker.configs.default.";
        p.put(prefix + "sliding-window-type", breaker.getSlidingWindowType().name());
        p.put(prefix + "sliding-window-size", breaker.getSlidingWindowSize());
        p.put(prefix + "minimum-number-of-calls", breaker.getMinimumNumberOfCalls());
        p.put(prefix + "failure-rate-threshold", breaker.getFailureRateThreshold());
        p.put(prefix + "slow-call-rate-threshold", breaker.getSlowCallRateThreshold());
        p.put(prefix + "permitted-number-of-calls-in-half-open-state",
                breaker.getPermittedNumberOfCallsInHalfOpenState());
        p.put(prefix + "automatic-transition-from-open-to-half-open-enabled",
                breaker.isAutomaticTransitionFromOpenToHalfOpenEnabled());
        p.put(prefix + "wait-duration-in-open-state", scale.property(GenAiBreakerDefaults.FIRST_OPEN_WAIT));
        p.put(prefix + "enable-exponential-backoff", true);
        p.put(prefix + "exponential-backoff-multiplier", GenAiBreakerDefaults.OPEN_WAIT_MULTIPLIER);
        p.put(prefix + "exponential-max-wait-duration-in-open-state",
                scale.property(GenAiBreakerDefaults.LONGEST_OPEN_WAIT));
        p.put(prefix + "slow-call-duration-threshold", scale.property(breaker.getSlowCallDurationThreshold()));
        Duration halfOpenLimit = breaker.getMaxWaitDurationInHalfOpenState();
        p.put(prefix + "max-wait-duration-in-half-open-state",
                halfOpenLimit.isZero() ? "0ms" : scale.property(halfOpenLimit));
        return p;
    }

    /** The engine's breaker defaults in words, unscaled. */
    public static String breakerSummary() {
        CircuitBreakerConfig breaker = GenAiBreakerDefaults.config();
        return breaker.getSlidingWindowSize() + "-call window, at least " + breaker.getMinimumNumberOfCalls()
                + " calls, " + Math.round(breaker.getFailureRateThreshold()) + "% failures, open "
                + GenAiBreakerDefaults.FIRST_OPEN_WAIT.toSeconds() + " s doubling to "
                + GenAiBreakerDefaults.LONGEST_OPEN_WAIT.toSeconds() + " s, "
                + breaker.getPermittedNumberOfCallsInHalfOpenState() + " probes";
    }
}
