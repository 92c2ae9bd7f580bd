package dev.genairesilience.autoconfigure;

import dev.genairesilience.ImageGenerator;
import dev.genairesilience.provider.springai.SpringAiProviderFactory;
import dev.genairesilience.springai.ChainImageModel;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Spring AI both ways, when Spring AI's model API and its exceptions ({@code spring-ai-model}, {@code spring-ai-retry})
 * are on the classpath: providers of type {@code spring-ai} (an application's {@link ImageModel} bean as a step of a
 * chain), and the chains as the {@link ImageModel} bean {@code genAiImageModel}. Each bean steps aside for one of
 * the application's own.
 */
@AutoConfiguration(after = GenAiAutoConfiguration.class)
@ConditionalOnClass({ ImageModel.class, TransientAiException.class })
@ConditionalOnProperty(prefix = "genai", name = "enabled", matchIfMissing = true)
public class GenAiSpringAiAutoConfiguration {

    /** Providers of type {@code spring-ai}: the {@code ImageModel} bean named by {@code options.bean}. */
    @Bean
    @ConditionalOnMissingBean
    public SpringAiProviderFactory springAiProviderFactory(ListableBeanFactory beans) {
        return new SpringAiProviderFactory(beans, ChainImageModel.class);
    }

    /**
     * The chains as a Spring AI {@link ImageModel}. Not a default candidate, so that it never makes the injection of
     * the application's own {@code ImageModel} (such as Spring AI's {@code openAiImageModel}) ambiguous: inject it
     * with {@code @Qualifier("genAiImageModel")}.
     */
    @Bean(name = "genAiImageModel", defaultCandidate = false)
    @ConditionalOnMissingBean(name = "genAiImageModel")
    @ConditionalOnBean(ImageGenerator.class)
    public ChainImageModel genAiImageModel(ImageGenerator generator, GenAiProperties properties) {
        return new ChainImageModel(generator, properties.getChains().keySet());
    }
}
