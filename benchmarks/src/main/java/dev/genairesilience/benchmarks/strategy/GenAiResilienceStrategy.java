package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.benchmarks.TimeScale;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code genai-resilience}: the starter as an application gets it, a Spring Boot application with the lineup as a
 * chain and every other setting at its default (durations scaled), called through {@link ImageGenerator}.
 */
final class GenAiResilienceStrategy implements Strategy {

    private final ConfigurableApplicationContext context;
    private final ImageGenerator generator;

    GenAiResilienceStrategy(ProviderLineup lineup, TimeScale scale) {
        this.context = EngineApplication.start(EngineProperties.of(lineup, scale));
        this.generator = context.getBean(ImageGenerator.class);
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
