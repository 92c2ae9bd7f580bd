package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** When the key-masking function exists, and that it sits beside the application's own. */
class GenAiKeyMaskingAutoConfigurationTest {

    private final ApplicationContextRunner runner = GenAiContextRunners.application()
            .withConfiguration(AutoConfigurations.of(GenAiKeyMaskingAutoConfiguration.class));

    @Test
    void masksTheBoundKeysOfTheEngine() {
        runner.withPropertyValues("genai.providers.x.type=local", "genai.providers.x.api-key=sk-runner-key-61")
                .run(context -> {
                    SanitizingFunction function = context.getBean("genAiKeySanitizingFunction",
                            SanitizingFunction.class);
                    assertThat(function.apply(new SanitizableData(null, "SOME_COPY", "sk-runner-key-61")).getValue())
                            .isEqualTo(SanitizableData.SANITIZED_VALUE);
                });
    }

    @Test
    void staysWhenTheEngineIsSwitchedOffBecauseTheKeysStayInTheEnvironment() {
        runner.withPropertyValues("genai.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(GenAiProperties.class).hasBean("genAiKeySanitizingFunction");
            SanitizingFunction function = context.getBean("genAiKeySanitizingFunction", SanitizingFunction.class);
            assertThat(function.apply(new SanitizableData(null, "genai.providers.x.api-key", "k")).getValue())
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
        });
    }

    @Test
    void isAbsentWithoutActuator() {
        runner.withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
                .run(context -> assertThat(context).doesNotHaveBean("genAiKeySanitizingFunction"));
    }

    @Test
    void sitsBesideTheApplicationsOwnSanitizingFunctions() {
        runner.withBean("applicationSanitizingFunction", SanitizingFunction.class, () -> data -> data)
                .run(context -> assertThat(context.getBeansOfType(SanitizingFunction.class))
                        .containsOnlyKeys("applicationSanitizingFunction", "genAiKeySanitizingFunction"));
    }

    @Test
    void stepsAsideForAnApplicationBeanOfTheSameName() {
        SanitizingFunction own = data -> data;
        runner.withBean("genAiKeySanitizingFunction", SanitizingFunction.class, () -> own)
                .run(context -> assertThat(context.getBean("genAiKeySanitizingFunction")).isSameAs(own));
    }
}
