package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.Delivery;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code genai-resilience}: the starter as an application gets it, a Spring Boot application with the lineup as a
 * chain, the scenario's {@link ImageAsk} as the chain's resolution, degrade ladder and settings, and every other
 * setting at its default (durations scaled), called through {@link ImageGenerator}.
 * {@code genai-resilience (quality)} is the same application whose chain says {@code prefer: quality}.
 */
final class GenAiResilienceStrategy implements Strategy {

    private final ConfigurableApplicationContext context;
    private final ImageGenerator generator;

    private GenAiResilienceStrategy(Map<String, Object> properties) {
        this.context = EngineApplication.start(properties);
        this.generator = context.getBean(ImageGenerator.class);
    }

    /** The chain at the starter's default preference. */
    static GenAiResilienceStrategy balanced(ProviderLineup lineup, ImageAsk ask, TimeScale scale) {
        Map<String, Object> properties = new LinkedHashMap<>(EngineProperties.of(lineup, scale));
        properties.putAll(EngineProperties.chain(ask));
        return new GenAiResilienceStrategy(properties);
    }

    /** The same chain preferring quality: {@link EngineProperties#QUALITY}. */
    static GenAiResilienceStrategy quality(ProviderLineup lineup, ImageAsk ask, TimeScale scale) {
        Map<String, Object> properties = new LinkedHashMap<>(EngineProperties.preferringQuality(lineup, scale));
        properties.putAll(EngineProperties.chain(ask));
        return new GenAiResilienceStrategy(properties);
    }

    @Override
    public Delivery generate(String prompt) {
        GeneratedImage image = generator.generate(EngineProperties.CHAIN, ImageRequest.of(prompt));
        return new Delivery(image.model(), image.resolution());
    }

    @Override
    public void close() {
        context.close();
    }
}
