package dev.genairesilience.autoconfigure;

import dev.genairesilience.Resolution;
import dev.genairesilience.chain.ChainDefinition;
import dev.genairesilience.chain.KeyedImageProvider;
import dev.genairesilience.chain.PeakOverrides;
import dev.genairesilience.chain.PriceList;
import dev.genairesilience.chain.ProviderPrice;
import dev.genairesilience.spi.AspectRatio;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ImageProviderFactory;
import dev.genairesilience.spi.ProviderSettings;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link ImageProviderRegistry} from validated properties. A provider whose type needs an API key
 * and has none is left out of its chains with one warning (never a crash: the other providers still serve);
 * a chain that has nothing left is kept, warned about, and fails every call as unavailable.
 */
final class ImageProviderAssembler {

    private static final Logger log = LoggerFactory.getLogger(ImageProviderAssembler.class);

    private final Map<String, ImageProviderFactory> factoriesByType;
    private final HttpClient httpClient;

    ImageProviderAssembler(Map<String, ImageProviderFactory> factoriesByType, HttpClient httpClient) {
        this.factoriesByType = factoriesByType;
        this.httpClient = httpClient;
    }

    /** @param properties already checked by {@link GenAiConfigurationValidator} */
    ImageProviderRegistry assemble(GenAiProperties properties) {
        Map<String, ImageProvider> providers = new LinkedHashMap<>();
        Map<String, ProviderPrice> prices = new LinkedHashMap<>();
        long maxResponseBytes = properties.getHttp().getMaxResponseSize().toBytes();
        properties.getProviders().forEach((id, p) -> {
            ImageProviderFactory factory = factoriesByType.get(p.getType());
            ProviderSettings.Builder settings = ProviderSettings.builder(id, p.getType()).model(p.getModel())
                    .apiKey(p.getApiKey()).baseUrl(p.getBaseUrl()).timeout(p.getTimeout())
                    .waitForModel(p.isWaitForModel()).options(p.getOptions()).maxResponseBytes(maxResponseBytes);
            if (!p.getApiKeys().isEmpty()) {
                List<ImageProvider> keys = new ArrayList<>();
                p.getApiKeys().forEach(key -> keys.add(create(factory, settings.apiKey(key).build())));
                providers.put(id, new KeyedImageProvider(keys));
            } else {
                ProviderSettings s = settings.build();
                if (factory.requiresApiKey(s) && !s.hasApiKey()) {
                    log.warn("genai.providers.{}: no API key (genai.providers.{}.api-key is empty); this {} provider "
                            + "is left out of its chains", id, id, p.getType());
                    return;
                }
                providers.put(id, create(factory, s));
            }
            prices.put(id, PriceProperties.read("genai.providers." + id + ".price",
                    p.getPrice() == null ? Map.of() : p.getPrice(), factory.freeOfCharge(), new ArrayList<>()));
        });
        Map<String, ChainDefinition> chains = new LinkedHashMap<>();
        properties.getChains().forEach((name, c) -> chains.put(name, chain(name, c, providers)));
        String defaultChain = properties.getDefaultChain();
        return new ImageProviderRegistry(providers, chains,
                defaultChain == null || defaultChain.isBlank() ? null : defaultChain, PriceList.of(prices));
    }

    private ImageProvider create(ImageProviderFactory factory, ProviderSettings settings) {
        try {
            return factory.create(settings, httpClient);
        } catch (RuntimeException e) {
            throw new InvalidGenAiConfigurationException(
                    List.of("genai.providers." + settings.id() + ": " + e.getMessage()), e);
        }
    }

    private static ChainDefinition chain(String name, GenAiChainProperties c, Map<String, ImageProvider> created) {
        List<String> providers = c.getProviders().stream().filter(created::containsKey).toList();
        String lastResort = c.getLastResort() != null && created.containsKey(c.getLastResort()) ? c.getLastResort()
                : null;
        if (providers.isEmpty() && lastResort == null) {
            log.warn("genai.chains.{}: every provider of this chain was left out (see the warnings above) and no "
                    + "last-resort is left; every call to it fails as unavailable", name);
        }
        List<Resolution> degrade = new ArrayList<>();
        c.getDegrade().forEach(r -> degrade.add(Resolution.parse(r)));
        return ChainDefinition.builder(name).providers(providers).resolution(Resolution.parse(c.getResolution()))
                .degrade(degrade).aspectRatio(AspectRatio.parse(c.getAspectRatio()).toString())
                .deadline(c.getDeadline()).lastResort(lastResort).order(c.getOrder())
                .onContentBlocked(c.getOnContentBlocked()).preference(c.getPrefer()).coalesce(c.isCoalesce())
                .adaptiveResolution(c.getAdaptiveResolution()).balance(balanced(c, providers))
                .balanceBy(c.getBalanceBy()).peak(peak(name, c.getPeak(), created)).build();
    }

    /** The balanced providers that are there, in the chain's order. */
    private static Map<String, Integer> balanced(GenAiChainProperties c, List<String> providers) {
        Map<String, Integer> balance = new LinkedHashMap<>();
        providers.stream().filter(c.getBalance()::containsKey).forEach(id -> balance.put(id, c.getBalance().get(id)));
        return balance;
    }

    private static PeakOverrides peak(String name, GenAiChainProperties.Peak p, Map<String, ImageProvider> created) {
        PeakOverrides peak = PeakOverrides.none().defer(p.isDefer());
        if (p.getResolution() != null && !p.getResolution().isBlank()) {
            peak = peak.resolution(Resolution.parse(p.getResolution()));
        }
        if (p.getProviders() != null && !p.getProviders().isEmpty()) {
            List<String> providers = p.getProviders().stream().filter(created::containsKey).toList();
            if (providers.isEmpty()) {
                log.warn("genai.chains.{}.peak.providers: every one was left out (see the warnings above); during a "
                        + "peak only the chain's last-resort, if any, serves", name);
            }
            peak = peak.providers(providers);
        }
        return peak;
    }
}
