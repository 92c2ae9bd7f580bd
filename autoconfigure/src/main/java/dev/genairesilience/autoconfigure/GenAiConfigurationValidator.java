package dev.genairesilience.autoconfigure;

import dev.genairesilience.chain.ChainDefinition;
import dev.genairesilience.chain.ProviderLanes;
import dev.genairesilience.Resolution;
import dev.genairesilience.spi.AspectRatio;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.util.unit.DataSize;

/**
 * Checks the {@code genai.*} configuration before anything is built from it, and reports every problem at
 * once, each with its property path. Durations need no check here: binding already rejects a bad one and
 * names the property.
 */
final class GenAiConfigurationValidator {


    // an answer is held in one array, and decoding copies it; no image comes near this
    private static final DataSize LARGEST_RESPONSE_SIZE = DataSize.ofGigabytes(1);

    private final Set<String> knownTypes;

    /** @param knownTypes the provider types some {@code ImageProviderFactory} bean serves */
    public GenAiConfigurationValidator(Set<String> knownTypes) {
        this.knownTypes = new TreeSet<>(knownTypes);
    }

    /** @throws InvalidGenAiConfigurationException naming each property at fault */
    public void validate(GenAiProperties properties) {
        List<String> problems = new ArrayList<>();
        properties.getProviders().forEach((id, provider) -> checkProvider("genai.providers." + id, provider, problems));
        properties.getChains().forEach((name, chain) -> checkChain("genai.chains." + name, chain,
                properties.getProviders().keySet(), problems));
        String defaultChain = properties.getDefaultChain();
        if (defaultChain != null && !defaultChain.isBlank() && !properties.getChains().containsKey(defaultChain)) {
            problems.add("genai.default-chain: "
                    + ChainDefinition.unknownChainMessage(defaultChain, properties.getChains().keySet()));
        }
        properties.getRouting().getTags().forEach((tag, chain) -> {
            if (chain == null || !properties.getChains().containsKey(chain)) {
                problems.add("genai.routing.tags." + tag + ": "
                        + ChainDefinition.unknownChainMessage(chain, properties.getChains().keySet()));
            }
        });
        checkRetry(properties.getRetry(), problems);
        positive("genai.http.connect-timeout", properties.getHttp().getConnectTimeout(), problems);
        checkMaxResponseSize(properties.getHttp().getMaxResponseSize(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidGenAiConfigurationException(problems);
        }
    }

    private void checkProvider(String path, GenAiProviderProperties provider, List<String> problems) {
        if (path.indexOf(ProviderLanes.KEY_SEPARATOR) >= 0) {
            problems.add(path + ": a provider id may not contain '" + ProviderLanes.KEY_SEPARATOR
                    + "' (it names the lanes of a provider's keys)");
        }
        String type = provider.getType();
        if (type == null || type.isBlank()) {
            problems.add(path + ".type: missing; known types: " + knownTypes);
        } else if (!knownTypes.contains(type)) {
            problems.add(path + ".type: unknown type '" + type + "'; known types: " + knownTypes
                    + " (declare an ImageProviderFactory bean to add one)");
        }
        positive(path + ".timeout", provider.getTimeout(), problems);
        checkKeys(path, provider, problems);
        if (provider.getMaxConcurrency() != null && provider.getMaxConcurrency() < 1) {
            problems.add(path + ".max-concurrency: " + provider.getMaxConcurrency() + " must be at least 1");
        }
        if (provider.getRequestsPerMinute() != null && provider.getRequestsPerMinute() < 1) {
            problems.add(path + ".requests-per-minute: " + provider.getRequestsPerMinute() + " must be at least 1");
        }
        if (provider.getPrice() != null) {
            PriceProperties.read(path + ".price", provider.getPrice(), false, problems);
        }
    }

    private static void checkChain(String path, GenAiChainProperties chain, Set<String> providerIds,
            List<String> problems) {
        List<String> providers = chain.getProviders();
        for (int i = 0; i < providers.size(); i++) {
            knownProvider(path + ".providers[" + i + "]", providers.get(i), providerIds, problems);
        }
        if (chain.getLastResort() != null) {
            knownProvider(path + ".last-resort", chain.getLastResort(), providerIds, problems);
        }
        if (providers.isEmpty() && chain.getLastResort() == null) {
            problems.add(path + ".providers: empty, and no last-resort either; a chain needs at least one provider");
        }
        checkResolutions(path, chain, problems);
        String aspectRatio = chain.getAspectRatio();
        try {
            AspectRatio.parse(aspectRatio);
        } catch (IllegalArgumentException e) {
            problems.add(path + ".aspect-ratio: " + e.getMessage());
        }
        positive(path + ".deadline", chain.getDeadline(), problems);
        checkBalance(path + ".balance", chain, problems);
    }

    private static void checkKeys(String path, GenAiProviderProperties provider, List<String> problems) {
        List<String> keys = provider.getApiKeys();
        if (keys.isEmpty()) {
            return;
        }
        if (provider.getApiKey() != null && !provider.getApiKey().isBlank()) {
            problems.add(path + ".api-keys: set either api-key or api-keys, not both");
        }
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i) == null || keys.get(i).isBlank()) {
                problems.add(path + ".api-keys[" + i + "]: empty");
            }
        }
    }

    private static void checkBalance(String path, GenAiChainProperties chain, List<String> problems) {
        Map<String, Integer> balance = chain.getBalance();
        if (balance.isEmpty()) {
            return;
        }
        balance.forEach((id, weight) -> {
            if (!chain.getProviders().contains(id)) {
                problems.add(path + "." + id + ": not one of the chain's providers " + chain.getProviders());
            }
            if (weight == null || weight < 1) {
                problems.add(path + "." + id + ": a weight is a whole number of at least 1, was " + weight);
            }
        });
        if (balance.size() < 2) {
            problems.add(path + ": names " + balance.keySet() + "; balancing needs at least two of the chain's "
                    + "providers");
        }
    }

    private static void knownProvider(String path, String id, Set<String> providerIds, List<String> problems) {
        if (!providerIds.contains(id)) {
            problems.add(path + ": unknown provider '" + id + "'; configured providers: " + new TreeSet<>(providerIds));
        }
    }

    private static void checkResolutions(String path, GenAiChainProperties chain, List<String> problems) {
        Resolution previous = parse(path + ".resolution", chain.getResolution(), problems);
        String previousName = "the chain's resolution";
        List<String> degrade = chain.getDegrade();
        for (int i = 0; i < degrade.size(); i++) {
            String entryPath = path + ".degrade[" + i + "]";
            Resolution entry = parse(entryPath, degrade.get(i), problems);
            if (entry != null && previous != null && entry.compareTo(previous) >= 0) {
                problems.add(entryPath + ": " + entry + " is not lower than " + previous + " (" + previousName
                        + "); degrade lists lower resolutions, highest first");
            }
            if (entry != null) {
                previous = entry;
                previousName = "degrade[" + i + "]";
            }
        }
    }

    private static Resolution parse(String path, String text, List<String> problems) {
        try {
            return Resolution.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(path + ": " + e.getMessage());
            return null;
        }
    }

    private static void checkRetry(GenAiRetryProperties retry, List<String> problems) {
        if (retry.getMaxAttempts() < 1) {
            problems.add("genai.retry.max-attempts: " + retry.getMaxAttempts() + " must be at least 1");
        }
        if (retry.getMultiplier() < 1.0) {
            problems.add("genai.retry.multiplier: " + retry.getMultiplier() + " must be at least 1");
        }
        positive("genai.retry.initial-interval", retry.getInitialInterval(), problems);
        positive("genai.retry.max-interval", retry.getMaxInterval(), problems);
        positive("genai.retry.default-deadline", retry.getDefaultDeadline(), problems);
        if (retry.getMaxServerWait() == null || retry.getMaxServerWait().isNegative()) {
            problems.add("genai.retry.max-server-wait: must be zero or more");
        }
        if (retry.getFallbackReserve() == null || retry.getFallbackReserve().isNegative()) {
            problems.add("genai.retry.fallback-reserve: must be zero or more");
        }
        GenAiRetryProperties.Budget budget = retry.getBudget();
        if (budget.getRatio() < 0.0 || budget.getRatio() > 1.0) {
            problems.add("genai.retry.budget.ratio: " + budget.getRatio() + " must be between 0 and 1");
        }
        if (budget.getMinRetries() < 0) {
            problems.add("genai.retry.budget.min-retries: " + budget.getMinRetries() + " must be zero or more");
        }
        positive("genai.retry.budget.window", budget.getWindow(), problems);
    }

    private static void checkMaxResponseSize(DataSize size, List<String> problems) {
        if (size == null || size.toBytes() < 1) {
            problems.add("genai.http.max-response-size: must be a positive size, such as 64MB");
        } else if (size.compareTo(LARGEST_RESPONSE_SIZE) > 0) {
            problems.add("genai.http.max-response-size: " + size.toMegabytes() + "MB is over the limit of 1GB "
                    + "(an answer is held in memory whole)");
        }
    }

    private static void positive(String path, Duration value, List<String> problems) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(path + ": must be a positive duration, such as 30s");
        }
    }
}
