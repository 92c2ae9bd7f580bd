package dev.genairesilience.autoconfigure;

import dev.genairesilience.internal.warmup.WarmupTarget;
import dev.genairesilience.spi.ImageProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code genai.warmup.*} and the providers' {@code probe-interval}: what to warm, what to probe. Start-up fails
 * naming the property when one is wrong; a provider left out for want of a key is reported and skipped.
 */
final class WarmupTargets {

    private static final Logger log = LoggerFactory.getLogger(WarmupTargets.class);

    private WarmupTargets() {
    }

    /** A target per provider of {@code genai.warmup.providers} that start-up created. */
    static List<WarmupTarget> providers(GenAiWarmupProperties warmup, GenAiProperties genai,
            ImageProviderRegistry registry) {
        List<String> problems = new ArrayList<>();
        requirePositive(warmup.getTimeout(), "genai.warmup.timeout", problems, false);
        requirePositive(warmup.getKeepAlive(), "genai.warmup.keep-alive", problems, true);
        List<WarmupTarget> targets = new ArrayList<>();
        for (int i = 0; i < warmup.getProviders().size(); i++) {
            String id = warmup.getProviders().get(i);
            if (!genai.getProviders().containsKey(id)) {
                problems.add("genai.warmup.providers[" + i + "]: unknown provider '" + id + "'; configured providers: "
                        + new TreeSet<>(genai.getProviders().keySet()));
                continue;
            }
            ImageProvider provider = registry.providers().get(id);
            if (provider == null) {
                log.warn("genai.warmup.providers[{}]: {} was left out at start-up (no API key); it is not warmed", i,
                        id);
                continue;
            }
            if (problems.isEmpty()) {
                targets.add(new WarmupTarget(id, id, provider.model(), warmup.getTimeout(), warmup.getKeepAlive(),
                        attempt -> provider.warmUp(attempt.timeout())));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidGenAiConfigurationException(problems);
        }
        return targets;
    }

    /** The created providers with a {@code probe-interval}, each with it; those without a free call are reported. */
    static Map<ImageProvider, Duration> probes(GenAiProperties genai, ImageProviderRegistry registry) {
        List<String> problems = new ArrayList<>();
        Map<ImageProvider, Duration> probes = new LinkedHashMap<>();
        genai.getProviders().forEach((id, p) -> {
            String property = "genai.providers." + id + ".probe-interval";
            if (p.getProbeInterval() == null || !requirePositive(p.getProbeInterval(), property, problems, true)) {
                return;
            }
            ImageProvider provider = registry.providers().get(id);
            if (provider == null) {
                return;
            }
            if (!provider.probes()) {
                log.warn("{}: {} providers have no call that costs nothing; {} is not probed", property, p.getType(),
                        id);
                return;
            }
            probes.put(provider, p.getProbeInterval());
        });
        if (!problems.isEmpty()) {
            throw new InvalidGenAiConfigurationException(problems);
        }
        return probes;
    }

    private static boolean requirePositive(Duration value, String property, List<String> problems,
            boolean optional) {
        if (value == null ? !optional : value.isNegative() || value.isZero()) {
            problems.add(property + ": must be a positive duration, was " + value);
            return false;
        }
        return true;
    }
}
