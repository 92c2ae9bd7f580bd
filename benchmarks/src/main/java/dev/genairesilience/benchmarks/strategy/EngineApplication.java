package dev.genairesilience.benchmarks.strategy;

import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the engine the way an application gets it: a Spring Boot application with the starter. */
public final class EngineApplication {

    private EngineApplication() {
    }

    /**
     * A non-web application of {@link BenchmarkApplication} plus {@code configurations}, with exactly
     * {@code properties} as its configuration.
     */
    public static ConfigurableApplicationContext start(Map<String, Object> properties, Class<?>... configurations) {
        Class<?>[] sources = new Class<?>[configurations.length + 1];
        sources[0] = BenchmarkApplication.class;
        System.arraycopy(configurations, 0, sources, 1, configurations.length);
        return new SpringApplicationBuilder(sources)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
    }
}
