package dev.genairesilience.autoconfigure;

import dev.genairesilience.chain.ExecutionObserver;
import dev.genairesilience.internal.observation.GenAiObservations;
import dev.genairesilience.internal.observation.ObservedHttpClient;
import io.micrometer.observation.ObservationRegistry;
import java.net.http.HttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer Observations of the engine, when the application has an {@link ObservationRegistry} (Spring Boot
 * Actuator makes one): an observation per generation and per call to a provider ({@link GenAiObservations}), and
 * one per HTTP exchange of the providers' client ({@link ObservedHttpClient}). With Micrometer Tracing they are
 * spans under the caller's span; with a {@code MeterRegistry}, timers of their names. Without a registry the engine
 * observes nothing and needs no Micrometer.
 */
@AutoConfiguration(
        afterName = "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration")
@ConditionalOnProperty(prefix = "genai", name = "enabled", matchIfMissing = true)
@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
@ConditionalOnBean(type = "io.micrometer.observation.ObservationRegistry")
public class GenAiTracingAutoConfiguration {

    /** The bean of the providers' client, observed once created (the application's own one included). */
    static final String HTTP_CLIENT = "genAiHttpClient";

    /** Opens the {@code genai.generation} and {@code genai.attempt} observations around the engine's work. */
    @Bean
    @ConditionalOnMissingBean
    public ExecutionObserver genAiExecutionObserver(ObservationRegistry registry) {
        return new GenAiObservations(registry);
    }

    /** Wraps the {@code genAiHttpClient} bean: each HTTP exchange is an {@code http.client.requests} observation. */
    @Bean
    @ConditionalOnMissingBean(name = "genAiHttpClientObservation")
    static BeanPostProcessor genAiHttpClientObservation(ObjectProvider<ObservationRegistry> registry) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (HTTP_CLIENT.equals(beanName) && bean instanceof HttpClient client
                        && !(bean instanceof ObservedHttpClient)) {
                    return new ObservedHttpClient(client, registry.getObject());
                }
                return bean;
            }
        };
    }
}
