package dev.genairesilience.autoconfigure;

import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageJobQueue;
import dev.genairesilience.chain.ChainExecutor;
import dev.genairesilience.internal.aop.AnnotatedMethodsValidator;
import dev.genairesilience.internal.aop.ImageGenerationAspect;
import dev.genairesilience.internal.aop.ModelFallbackAspect;
import dev.genairesilience.internal.aop.ModelFallbackPlans;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The aspects behind {@code @ImageGeneration} and {@code @ModelFallback}, when AspectJ is on the class path
 * (Boot's {@code spring-boot-starter-aop} brings it, and its auto-configuration applies the aspects).
 */
@AutoConfiguration(after = { GenAiAutoConfiguration.class, AopAutoConfiguration.class })
@ConditionalOnClass(name = { "org.aspectj.lang.annotation.Aspect", "org.aspectj.weaver.Advice" })
@ConditionalOnProperty(prefix = "genai", name = "enabled", matchIfMissing = true)
public class GenAiAopAutoConfiguration {

    /** Stops start-up on an annotated method that cannot work, naming it, instead of failing its first caller. */
    @Bean
    @ConditionalOnMissingBean
    public static AnnotatedMethodsValidator genAiAnnotatedMethodsValidator(
            ObjectProvider<ImageProviderRegistry> registry, ListableBeanFactory beans) {
        // by name only: looking the queue up by instance here would create it in the middle of another bean's
        return new AnnotatedMethodsValidator(() -> registry.getObject().chains().keySet(),
                () -> beans.getBeanNamesForType(ImageJobQueue.class, true, false).length > 0);
    }

    /** Generates for {@code @ImageGeneration} methods; their body runs only when the chain has nothing left. */
    @Bean
    @ConditionalOnMissingBean
    public ImageGenerationAspect imageGenerationAspect(ImageGenerator generator) {
        return new ImageGenerationAspect(generator);
    }

    /**
     * Steps for {@code models = …} get a provider's default timeout; the deadline defaults to {@code
     * genai.retry.default-deadline}.
     */
    @Bean
    @ConditionalOnMissingBean
    public ModelFallbackPlans modelFallbackPlans(ImageProviderRegistry registry, GenAiProperties properties) {
        return new ModelFallbackPlans(registry.chains(), registry.providers(),
                GenAiProviderProperties.DEFAULT_TIMEOUT, properties.getRetry().getDefaultDeadline());
    }

    /** Runs {@code @ModelFallback} bodies once per attempt through the chain engine. */
    @Bean
    @ConditionalOnMissingBean
    public ModelFallbackAspect modelFallbackAspect(ChainExecutor executor, ModelFallbackPlans plans) {
        return new ModelFallbackAspect(executor, plans);
    }
}
