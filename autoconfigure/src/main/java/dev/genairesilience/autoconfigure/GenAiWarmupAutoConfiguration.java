package dev.genairesilience.autoconfigure;

import dev.genairesilience.WarmOnStartup;
import dev.genairesilience.chain.ChainExecutor;
import dev.genairesilience.chain.ProviderBreakers;
import dev.genairesilience.chain.ProviderLanes;
import dev.genairesilience.failure.FailureClassification;
import dev.genairesilience.internal.warmup.PeriodicCalls;
import dev.genairesilience.internal.warmup.ProbeResults;
import dev.genairesilience.internal.warmup.ProviderProbes;
import dev.genairesilience.internal.warmup.ReadinessGate;
import dev.genairesilience.internal.warmup.WarmOnStartupMethods;
import dev.genairesilience.internal.warmup.WarmupCoordinator;
import dev.genairesilience.internal.warmup.WarmupRunner;
import dev.genairesilience.internal.warmup.WarmupStates;
import dev.genairesilience.internal.warmup.WarmupTarget;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Warm-up once the application is ready ({@code genai.warmup.providers} and {@link WarmOnStartup @WarmOnStartup}
 * methods), readiness held back meanwhile, keep-alive, and the providers' free probes ({@code probe-interval}).
 * Calls are due on Boot's {@code taskScheduler} when the application has one, else on a scheduler of their own,
 * and run on the same executor as {@code generateAsync}.
 */
@AutoConfiguration(after = { GenAiAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
        TaskSchedulingAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class })
@ConditionalOnProperty(prefix = "genai", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(GenAiWarmupProperties.class)
public class GenAiWarmupAutoConfiguration {

    /** Boot's scheduler, present when the application has {@code @EnableScheduling}. */
    static final String TASK_SCHEDULER = "taskScheduler";

    /** Finds the {@code @WarmOnStartup} methods; static, as bean post-processors must be. */
    @Bean
    @ConditionalOnMissingBean
    public static WarmOnStartupMethods genAiWarmOnStartupMethods() {
        return new WarmOnStartupMethods();
    }

    /** Where each warm-up target stands, for health and the endpoint. */
    @Bean
    @ConditionalOnMissingBean
    public WarmupStates genAiWarmupStates(@Qualifier("genAiClock") Clock clock) {
        return new WarmupStates(clock);
    }

    /** Each probed provider's last probe, for health and the endpoint. */
    @Bean
    @ConditionalOnMissingBean
    public ProbeResults genAiProbeResults(@Qualifier("genAiClock") Clock clock) {
        return new ProbeResults(clock);
    }

    /** Says when warm-ups, keep-alives and probes are due, when the application has no {@code taskScheduler}. */
    @Bean(name = "genAiTaskScheduler", defaultCandidate = false)
    @ConditionalOnMissingBean(name = { TASK_SCHEDULER, "genAiTaskScheduler" })
    public ThreadPoolTaskScheduler genAiTaskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("genai-scheduler-");
        scheduler.setDaemon(true);
        return scheduler;
    }

    /** Runs the calls that come due off the scheduler's thread, on {@code generateAsync}'s executor. */
    @Bean
    @ConditionalOnMissingBean
    public PeriodicCalls genAiPeriodicCalls(@Qualifier(TASK_SCHEDULER) ObjectProvider<TaskScheduler> applications,
            @Qualifier("genAiTaskScheduler") ObjectProvider<TaskScheduler> own,
            @Qualifier(GenAiAutoConfiguration.APPLICATION_TASK_EXECUTOR) ObjectProvider<Executor> applicationExecutor,
            @Qualifier("genAiTaskExecutor") ObjectProvider<Executor> ownExecutor) {
        return new PeriodicCalls(applications.getIfAvailable(own::getObject),
                applicationExecutor.getIfAvailable(ownExecutor::getObject));
    }

    /**
     * Warms one target through an executor of its own over the same provider lanes and retry settings, so that what
     * a warm-up learns (a server's wait hint, a provider's failures) holds for generation too. Warming is not a
     * generation: the generation listeners (metrics, log line) do not hear of it.
     */
    @Bean
    @ConditionalOnMissingBean
    public WarmupRunner genAiWarmupRunner(FailureClassification classification, ProviderLanes lanes,
            GenAiProperties properties, @Qualifier("genAiClock") Clock clock, WarmupStates states) {
        return new WarmupRunner(ChainExecutor.builder(classification, lanes)
                .settings(properties.getRetry().toSettings()).clock(clock).build(), states);
    }

    /** Holds readiness at {@code REFUSING_TRAFFIC} while warm-up runs ({@code genai.warmup.gate-readiness}). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(ApplicationAvailability.class)
    @Conditional(GateReadinessCondition.class)
    public ReadinessGate genAiReadinessGate(ApplicationEventPublisher publisher,
            ApplicationAvailability availability) {
        return new ReadinessGate(publisher, availability);
    }

    /** Warms every target once the application is ready, then keeps those with a keep-alive hot. */
    @Bean
    @ConditionalOnMissingBean
    public WarmupCoordinator genAiWarmupCoordinator(GenAiWarmupProperties warmup, GenAiProperties properties,
            ImageProviderRegistry registry, WarmOnStartupMethods methods, WarmupRunner runner, WarmupStates states,
            PeriodicCalls periodic,
            @Qualifier(GenAiAutoConfiguration.APPLICATION_TASK_EXECUTOR) ObjectProvider<Executor> applicationExecutor,
            @Qualifier("genAiTaskExecutor") ObjectProvider<Executor> ownExecutor,
            ObjectProvider<ReadinessGate> gate) {
        List<WarmupTarget> providers = WarmupTargets.providers(warmup, properties, registry);
        return new WarmupCoordinator(() -> {
            List<WarmupTarget> all = new ArrayList<>(providers);
            all.addAll(methods.targets(warmup.getTimeout()));
            return all;
        }, runner, states, periodic, applicationExecutor.getIfAvailable(ownExecutor::getObject),
                gate.getIfAvailable(), warmup.isRequired());
    }

    /** Probes the providers with a {@code probe-interval}, with their free call, apart from requests. */
    @Bean
    @ConditionalOnMissingBean
    public ProviderProbes genAiProviderProbes(GenAiProperties properties, ImageProviderRegistry registry,
            ProviderBreakers breakers, FailureClassification classification, ProbeResults results,
            PeriodicCalls periodic) {
        return new ProviderProbes(WarmupTargets.probes(properties, registry), breakers, classification, results,
                periodic);
    }
}
