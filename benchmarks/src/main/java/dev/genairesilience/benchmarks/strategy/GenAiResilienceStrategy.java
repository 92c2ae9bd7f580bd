package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.benchmarks.TimeScale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code genai-resilience}: the starter as an application gets it, a Spring Boot application with the lineup as a
 * chain and every other setting at its default (durations scaled), called through {@link ImageGenerator}.
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
    static GenAiResilienceStrategy balanced(ProviderLineup lineup, TimeScale scale) {
        return new GenAiResilienceStrategy(EngineProperties.of(lineup, scale));
    }

    /** The same chain preferring quality: {@link EngineProperties#QUALITY}. */
    static GenAiResilienceStrategy quality(ProviderLineup lineup, TimeScale scale) {
        return new GenAiResilienceStrategy(EngineProperties.preferringQuality(lineup, scale));
    }

    @Override
    public String generate(String prompt) {
        GeneratedImage image = generator.generate(EngineProperties.CHAIN, ImageRequest.of(prompt));
        return image.model();
    }

    @Override
    public void close() {
        context.close();
    }
}
