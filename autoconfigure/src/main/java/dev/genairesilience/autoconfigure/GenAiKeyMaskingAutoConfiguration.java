package dev.genairesilience.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the starter's API keys out of {@code /actuator/env} and {@code /actuator/configprops}, even with
 * {@code management.endpoint.env.show-values=ALWAYS} or {@code management.endpoint.configprops.show-values=ALWAYS}.
 *
 * <p>Not switched off by {@code genai.enabled=false}: the keys stay in the environment of an application that turned
 * the engine off, and so does the need to hide them.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class GenAiKeyMaskingAutoConfiguration {

    /**
     * Masks every {@code genai.*} key, token, secret, password or credentials, and any value holding a bound key.
     * Stepping aside by name only: Boot applies every {@link SanitizingFunction} bean, so the application's own sit
     * beside it.
     */
    @Bean
    @ConditionalOnMissingBean(name = "genAiKeySanitizingFunction")
    public SanitizingFunction genAiKeySanitizingFunction(ObjectProvider<GenAiProperties> properties) {
        return new GenAiKeySanitizingFunction(properties::getIfAvailable);
    }
}
