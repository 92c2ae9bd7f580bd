package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.genairesilience.ModelAttempt;
import dev.genairesilience.WarmOnStartup;
import dev.genairesilience.internal.warmup.ReadinessGate;
import dev.genairesilience.internal.warmup.WarmupStates;
import dev.genairesilience.internal.warmup.WarmupStatus;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Warm-up's wiring: which beans exist when, what start-up refuses, and the gate over Boot's readiness. */
class GenAiWarmupAutoConfigurationTest {

    private final ApplicationContextRunner runner = GenAiContextRunners.withTestProviders()
            .withConfiguration(AutoConfigurations.of(GenAiWarmupAutoConfiguration.class,
                    ApplicationAvailabilityAutoConfiguration.class))
            .withPropertyValues("genai.chains.main.providers=good", "genai.retry.initial-interval=5ms");

    @Test
    void readinessIsGatedByDefaultWhenActuatorIsPresentAndNotWithoutIt() {
        runner.run(context -> assertThat(context).hasSingleBean(ReadinessGate.class));
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).doesNotHaveBean(ReadinessGate.class));
        runner.withPropertyValues("genai.warmup.gate-readiness=false")
                .run(context -> assertThat(context).doesNotHaveBean(ReadinessGate.class));
        runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .withPropertyValues("genai.warmup.gate-readiness=true")
                .run(context -> assertThat(context).hasSingleBean(ReadinessGate.class));
    }

    @Test
    void anUnknownProviderToWarmOrANonPositiveDurationFailsStartUpNamingTheProperty() {
        runner.withPropertyValues("genai.warmup.providers=good,nope", "genai.warmup.keep-alive=0s",
                "genai.providers.good.probe-interval=-1s").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("genai.warmup.providers[1]: unknown provider 'nope'")
                            .hasMessageContaining("genai.warmup.keep-alive: must be a positive duration");
                });
        runner.withPropertyValues("genai.providers.good.probe-interval=-1s").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("genai.providers.good.probe-interval: must be a positive duration");
        });
    }

    @Test
    void withoutBootsSchedulerWarmUpHasItsOwnAndWithItUsesBoots() {
        runner.run(context -> assertThat(context).hasBean("genAiTaskScheduler"));
        runner.withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
                .withUserConfiguration(Scheduling.class)
                .run(context -> {
                    assertThat(context).hasBean("taskScheduler");
                    assertThat(context).doesNotHaveBean("genAiTaskScheduler");
                });
    }

    @Test
    void aWarmOnStartupMethodWithOtherArgumentsOrABadDurationStopsStartUpNamingIt() {
        runner.withUserConfiguration(WrongArguments.class).run(context -> assertThat(context.getStartupFailure())
                .hasStackTraceContaining("@WarmOnStartup method wrongArguments#warm must take no argument "
                        + "or one ModelAttempt"));
        runner.withUserConfiguration(WrongDuration.class).run(context -> assertThat(context.getStartupFailure())
                .hasStackTraceContaining("@WarmOnStartup method wrongDuration#warm: keepAlive 'often' is "
                        + "not a duration"));
    }

    @Test
    void warmOnStartupMethodsRunOnceReadyWithTheirModelAndTimeoutThenAtTheirKeepAlive() {
        runner.withBean("warmers", Warmers.class, Warmers::new).run(context -> {
            Warmers warmers = context.getBean(Warmers.class);
            assertThat(warmers.attempts).isEmpty();
            assertThat(states(context).status("warmers#warm")).hasValueSatisfying(
                    s -> assertThat(s.state()).isEqualTo(WarmupStatus.State.PENDING));

            ready(context);

            await().atMost(Duration.ofSeconds(10)).until(() -> warmers.attempts.size() >= 3);
            ModelAttempt first = warmers.attempts.get(0);
            assertThat(first.model()).isEqualTo("stabilityai/sdxl");
            assertThat(first.timeout()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(5));
            assertThat(warmers.plain).isPositive();
            assertThat(states(context).status("warmers#warm").orElseThrow().state())
                    .isEqualTo(WarmupStatus.State.WARM);
        });
    }

    @Test
    void aWarmUpThatKeepsFailingIsRetriedAsTheRetrySettingsAllowThenRecordedAsFailedAndTheAppKeepsRunning() {
        runner.withBean("broken", Broken.class, Broken::new).run(context -> {
            ready(context);

            await().atMost(Duration.ofSeconds(10)).until(() -> states(context).status("broken#warm")
                    .map(s -> s.state() == WarmupStatus.State.FAILED).orElse(false));
            WarmupStatus status = states(context).status("broken#warm").orElseThrow();
            assertThat(context.getBean(Broken.class).calls).hasSize(2);
            assertThat(status.problem()).startsWith("2 attempt(s), the last broken#warm:CONNECTION");
            assertThat(context.isRunning()).isTrue();
        });
    }

    @Test
    void theGateRefusesTrafficAfterBootsAcceptingUntilEveryWarmUpHasEnded() {
        runner.withBean("slow", Slow.class, Slow::new).run(context -> {
            ApplicationAvailability availability = context.getBean(ApplicationAvailability.class);
            Slow slow = context.getBean(Slow.class);

            ready(context);
            // what Spring Boot publishes right after ApplicationReadyEvent
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);

            assertThat(slow.started.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.REFUSING_TRAFFIC);
            assertThat(context.getBean(ReadinessGate.class).holding()).isTrue();

            slow.release.countDown();

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC);
            assertThat(context.getBean(ReadinessGate.class).holding()).isFalse();
        });
    }

    @Test
    void withWarmUpRequiredAFailedWarmUpClosesTheApplication() {
        runner.withBean("broken", Broken.class, Broken::new).withPropertyValues("genai.warmup.required=true")
                .run(context -> {
                    ready(context);

                    await().atMost(Duration.ofSeconds(10)).until(() -> !context.getSourceApplicationContext(
                            ConfigurableApplicationContext.class).isActive());
                });
    }

    private static WarmupStates states(AssertableApplicationContext context) {
        return context.getBean(WarmupStates.class);
    }

    private static void ready(AssertableApplicationContext context) {
        ConfigurableApplicationContext source = context.getSourceApplicationContext(
                ConfigurableApplicationContext.class);
        source.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0], source, Duration.ZERO));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {
    }

    @Configuration(proxyBeanMethods = false)
    static class WrongArguments {

        @Bean
        Object wrongArguments() {
            return new Object() {
                @WarmOnStartup
                void warm(String model) {
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WrongDuration {

        @Bean
        Object wrongDuration() {
            return new Object() {
                @WarmOnStartup(keepAlive = "often")
                void warm() {
                }
            };
        }
    }

    static class Warmers {

        final List<ModelAttempt> attempts = new CopyOnWriteArrayList<>();
        volatile int plain;

        @WarmOnStartup(keepAlive = "200ms", timeout = "5s", model = "stabilityai/sdxl")
        void warm(ModelAttempt attempt) {
            attempts.add(attempt);
        }

        @WarmOnStartup
        void plain() {
            plain++;
        }
    }

    static class Broken {

        final List<ModelAttempt> calls = new CopyOnWriteArrayList<>();

        @WarmOnStartup(timeout = "5s")
        void warm(ModelAttempt attempt) throws ConnectException {
            calls.add(attempt);
            throw new ConnectException("Connection refused");
        }
    }

    static class Slow {

        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @WarmOnStartup(timeout = "10s")
        void warm() throws InterruptedException {
            started.countDown();
            release.await(10, TimeUnit.SECONDS);
        }
    }
}
