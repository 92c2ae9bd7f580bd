package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.benchmarks.TimeScale;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code application.yml} of the engine under test: the lineup as providers and one chain over them, every
 * other setting left at the starter's default, and each default duration scaled. The defaults are repeated here
 * only to be scaled; the values a property takes when unset are the ones written.
 */
public final class EngineProperties {

    /** The chain every request goes through. */
    public static final String CHAIN = "bench";

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

    /** The starter's and Resilience4j's default durations, scaled: what RESULTS.md lists as scaled. */
    public static Map<String, Object> scaledDefaults(TimeScale scale) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("genai.chains." + CHAIN + ".deadline", scale.property(Duration.ofSeconds(60)));
        p.put("genai.retry.initial-interval", scale.property(Duration.ofMillis(500)));
        p.put("genai.retry.max-interval", scale.property(Duration.ofSeconds(30)));
        p.put("genai.retry.max-server-wait", scale.property(Duration.ofSeconds(60)));
        p.put("genai.retry.default-deadline", scale.property(Duration.ofSeconds(60)));
        p.put("genai.retry.budget.window", scale.property(Duration.ofSeconds(10)));
        p.put("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state",
                scale.property(Duration.ofSeconds(60)));
        p.put("resilience4j.circuitbreaker.configs.default.slow-call-duration-threshold",
                scale.property(Duration.ofSeconds(60)));
        return p;
    }
}
