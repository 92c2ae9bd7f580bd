package dev.genairesilience.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Context runners with the starter's auto-configurations, as an application gets them. */
public final class GenAiContextRunners {

    /** Every auto-configuration of the starter, plus Boot's AOP one that applies the aspects. */
    public static final AutoConfigurations GENAI = AutoConfigurations.of(GenAiAutoConfiguration.class,
            GenAiAopAutoConfiguration.class, GenAiWebAutoConfiguration.class, AopAutoConfiguration.class);

    private GenAiContextRunners() {
    }

    /** A plain (non-web) application with the starter. */
    public static ApplicationContextRunner application() {
        return new ApplicationContextRunner().withConfiguration(GENAI);
    }

    /**
     * An application with the test provider types and quick retries: {@code good} (recording), {@code broken}
     * (503), {@code wrong} (400) and {@code card} (the offline local card).
     */
    public static ApplicationContextRunner withTestProviders() {
        return application().withUserConfiguration(TestProviders.class).withPropertyValues(
                "genai.providers.good.type=recording", "genai.providers.good.model=good-model",
                "genai.providers.broken.type=failing",
                "genai.providers.wrong.type=failing", "genai.providers.wrong.options.status=400",
                "genai.providers.card.type=local",
                "genai.retry.max-attempts=2", "genai.retry.initial-interval=1ms", "genai.retry.max-interval=5ms");
    }

    /** The two test provider factories as application beans. */
    @Configuration(proxyBeanMethods = false)
    public static class TestProviders {

        @Bean
        TestProviderFactory recordingProviderFactory() {
            return TestProviderFactory.recording();
        }

        @Bean
        TestProviderFactory failingProviderFactory() {
            return TestProviderFactory.failing();
        }
    }
}
