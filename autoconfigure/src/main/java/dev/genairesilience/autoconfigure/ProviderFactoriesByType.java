package dev.genairesilience.autoconfigure;

import dev.genairesilience.spi.ImageProviderFactory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which {@link ImageProviderFactory} serves each provider type. An application's factory for a type wins
 * over the built-in one of that type, so a type can be taken over without excluding anything.
 */
final class ProviderFactoriesByType {

    private ProviderFactoriesByType() {
    }

    /**
     * @param factories the factory beans
     * @param builtIn   the classes of the built-in factories
     * @throws InvalidGenAiConfigurationException when two of the application's factories serve one type
     */
    static Map<String, ImageProviderFactory> of(Collection<ImageProviderFactory> factories,
            Set<Class<?>> builtIn) {
        Map<String, ImageProviderFactory> byType = new TreeMap<>();
        for (ImageProviderFactory factory : factories) {
            ImageProviderFactory other = byType.get(factory.type());
            if (other == null || builtIn.contains(other.getClass())) {
                byType.put(factory.type(), factory);
            } else if (!builtIn.contains(factory.getClass())) {
                throw new InvalidGenAiConfigurationException(List.of("genai.providers.*.type: two ImageProviderFactory"
                        + " beans serve type '" + factory.type() + "': " + other.getClass().getName() + " and "
                        + factory.getClass().getName()));
            }
        }
        return byType;
    }
}
