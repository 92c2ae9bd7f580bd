package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.provider.gemini.GeminiProviderFactory;
import dev.genairesilience.provider.huggingface.HuggingFaceProviderFactory;
import dev.genairesilience.provider.openai.OpenAiProviderFactory;
import dev.genairesilience.spi.ImageProviderFactory;
import java.util.function.Supplier;

/** The provider APIs the emulator speaks, with the starter's factory for each. */
public enum ApiType {
    GEMINI(GeminiProviderFactory::new),
    OPENAI(OpenAiProviderFactory::new),
    HUGGINGFACE(HuggingFaceProviderFactory::new);

    private final Supplier<ImageProviderFactory> factory;

    ApiType(Supplier<ImageProviderFactory> factory) {
        this.factory = factory;
    }

    /** A new factory of the starter's provider for this API. */
    public ImageProviderFactory factory() {
        return factory.get();
    }

    /** The value of {@code genai.providers.<id>.type}. */
    public String type() {
        return factory().type();
    }
}
