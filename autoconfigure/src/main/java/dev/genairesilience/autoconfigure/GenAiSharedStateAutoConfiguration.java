package dev.genairesilience.autoconfigure;

import dev.genairesilience.shared.JdbcSharedStateStore;
import dev.genairesilience.shared.RedisSharedStateStore;
import dev.genairesilience.shared.SharedState;
import dev.genairesilience.shared.SharedStateSchemaInitializer;
import dev.genairesilience.spi.SharedStateStore;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The state several instances of the application share ({@code genai.shared-state.*}): with {@code store: jdbc} on
 * the application's {@code DataSource}, with {@code store: redis} on its {@code RedisConnectionFactory}; with
 * {@code memory}, the default, nothing is shared. An application's own {@link SharedStateStore} bean replaces the
 * starter's for {@code jdbc} and {@code redis}, and its own {@link SharedState} replaces the whole.
 */
@AutoConfiguration(before = GenAiAutoConfiguration.class, afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration" })
@ConditionalOnProperty(prefix = "genai", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(GenAiSharedStateProperties.class)
public class GenAiSharedStateAutoConfiguration {

    private static final String STORE = "genai.shared-state.store";

    /**
     * The shared state the lanes and the off-peak queue use: nothing with {@code memory}; else the store, each call
     * bounded by {@code genai.shared-state.timeout}, the instance's own state used while it does not answer.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public SharedState genAiSharedState(GenAiSharedStateProperties properties, ObjectProvider<SharedStateStore> stores,
            Environment environment, @Qualifier("genAiClock") ObjectProvider<Clock> clock) {
        if (properties.getStore() == GenAiSharedStateProperties.Store.MEMORY) {
            return SharedState.none();
        }
        SharedStateStore store = stores.getIfAvailable();
        if (store == null) {
            throw new InvalidGenAiConfigurationException(List.of(STORE + ": " + properties.getStore().name()
                    .toLowerCase() + " needs " + (properties.getStore() == GenAiSharedStateProperties.Store.JDBC
                            ? "Spring JDBC and one DataSource bean" : "Spring Data Redis and a RedisConnectionFactory "
                                    + "bean (spring-boot-starter-data-redis)")
                    + " in the application; none was found"));
        }
        String namespace = properties.getNamespace() != null ? properties.getNamespace()
                : environment.getProperty("spring.application.name", "genai");
        try {
            return SharedState.builder(store).namespace(namespace).timeout(properties.getTimeout())
                    .recheckInterval(properties.getRecheckInterval()).clock(clock.getIfAvailable(Clock::systemUTC))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new InvalidGenAiConfigurationException(List.of(e.getMessage()), e);
        }
    }

    /** {@code store: jdbc}: the application's {@code DataSource}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    @ConditionalOnProperty(prefix = "genai.shared-state", name = "store", havingValue = "jdbc")
    static class Jdbc {

        /** Creates the genai_shared_* tables per {@code genai.shared-state.initialize-schema}. */
        @Bean
        @ConditionalOnMissingBean
        SharedStateSchemaInitializer genAiSharedStateSchemaInitializer(ObjectProvider<DataSource> dataSource,
                GenAiSharedStateProperties properties) {
            return new SharedStateSchemaInitializer(only(dataSource), properties.getInitializeSchema());
        }

        @Bean
        @ConditionalOnMissingBean(SharedStateStore.class)
        JdbcSharedStateStore genAiSharedStateStore(ObjectProvider<DataSource> dataSource,
                SharedStateSchemaInitializer schema) {
            try {
                return new JdbcSharedStateStore(only(dataSource));
            } catch (IllegalStateException e) {
                throw new InvalidGenAiConfigurationException(List.of(e.getMessage()), e);
            }
        }

        private static DataSource only(ObjectProvider<DataSource> dataSource) {
            DataSource found = dataSource.getIfUnique();
            if (found == null) {
                throw new InvalidGenAiConfigurationException(List.of(STORE + ": jdbc needs the application's one "
                        + "DataSource bean; there is " + (dataSource.stream().findAny().isPresent() ? "more than one"
                                : "none")));
            }
            return found;
        }
    }

    /** {@code store: redis}: the application's {@code RedisConnectionFactory}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RedisConnectionFactory.class)
    @ConditionalOnProperty(prefix = "genai.shared-state", name = "store", havingValue = "redis")
    static class Redis {

        @Bean
        @ConditionalOnMissingBean(SharedStateStore.class)
        RedisSharedStateStore genAiSharedStateStore(ObjectProvider<RedisConnectionFactory> connections) {
            RedisConnectionFactory factory = connections.getIfUnique();
            if (factory == null) {
                throw new InvalidGenAiConfigurationException(List.of(STORE + ": redis needs the application's one "
                        + "RedisConnectionFactory bean (spring-boot-starter-data-redis); none was found"));
            }
            return new RedisSharedStateStore(factory);
        }
    }
}
