package dev.genairesilience.sample;

import dev.genairesilience.testkit.ProviderEmulator;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * Unless the {@code live} profile is active, starts the testkit's provider emulator on 127.0.0.1 before the
 * application context exists, so that the providers configured in {@code application.yml} can point at it
 * through {@code sample.emulator.base-url}. It plays a bad peak hour: the primary model answers
 * {@code 503 overloaded} on a share of calls ({@code sample.emulator.primary-overload-rate}, 45% by
 * default) while the secondary model is healthy. Each call takes {@code sample.emulator.latency} (1 s by default,
 * where real image models take several), so that concurrent requests overlap as they do in production.
 * With {@code sample.emulator.seed} set (as {@code application.yml} does), the primary's overloads follow the same
 * sequence at every start, so a demo and the tests that drive it see the same bad hour each time; without it, a
 * new one.
 */
public class OfflineEmulatorEnvironment implements EnvironmentPostProcessor {

    static final String PRIMARY_MODEL = "gemini-3-pro-image-preview";
    static final String SECONDARY_MODEL = "gemini-2.5-flash-image";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("live"))
                || environment.containsProperty("sample.emulator.base-url")) {
            return;
        }
        if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
            // process-aot only reads the bean definitions: nothing calls a provider, and a started emulator (never
            // closed, since that run is abandoned before the context starts) would keep the build's JVM alive
            environment.getPropertySources().addFirst(new MapPropertySource("sampleEmulator",
                    Map.of("sample.emulator.base-url", "http://127.0.0.1:1")));
            return;
        }
        double overloadRate = environment.getProperty("sample.emulator.primary-overload-rate", Double.class, 0.45);
        Duration latency = environment.getProperty("sample.emulator.latency", Duration.class, Duration.ofSeconds(1));
        ProviderEmulator emulator = ProviderEmulator.start();
        Long seed = environment.getProperty("sample.emulator.seed", Long.class);
        emulator.model(PRIMARY_MODEL).overloadRate(overloadRate).latency(latency);
        if (seed != null) {
            emulator.model(PRIMARY_MODEL).seed(seed);
        }
        emulator.model(SECONDARY_MODEL).latency(latency);
        environment.getPropertySources().addFirst(new MapPropertySource("sampleEmulator",
                Map.of("sample.emulator.base-url", emulator.baseUrl().toString())));
        application.addListeners(event -> {
            if (event instanceof ContextClosedEvent || event instanceof ApplicationFailedEvent) {
                emulator.close();
            }
        });
    }
}
