package dev.genairesilience.autoconfigure;

import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageJobQueue;
import dev.genairesilience.chain.ChainExecutor;
import dev.genairesilience.chain.DefaultImageGenerator;
import dev.genairesilience.chain.ExecutionListener;
import dev.genairesilience.chain.ExecutionListeners;
import dev.genairesilience.chain.ExecutionObserver;
import dev.genairesilience.chain.GenAiBreakerDefaults;
import dev.genairesilience.chain.GenAiRetryTemplates;
import dev.genairesilience.chain.PriceList;
import dev.genairesilience.chain.ProviderBreakers;
import dev.genairesilience.chain.ProviderLanes;
import dev.genairesilience.chain.RegistryProviderBreakers;
import dev.genairesilience.chain.RetryBudgets;
import dev.genairesilience.failure.BuiltInClassifiers;
import dev.genairesilience.failure.FailureClassification;
import dev.genairesilience.provider.bfl.BflProviderFactory;
import dev.genairesilience.provider.fal.FalProviderFactory;
import dev.genairesilience.provider.gemini.GeminiProviderFactory;
import dev.genairesilience.provider.http.AccessTokenSources;
import dev.genairesilience.provider.huggingface.HuggingFaceProviderFactory;
import dev.genairesilience.provider.local.LocalProviderFactory;
import dev.genairesilience.provider.openai.AzureOpenAiProviderFactory;
import dev.genairesilience.provider.openai.OpenAiProviderFactory;
import dev.genairesilience.provider.replicate.ReplicateProviderFactory;
import dev.genairesilience.provider.stability.StabilityProviderFactory;
import dev.genairesilience.provider.vertex.VertexAiProviderFactory;
import dev.genairesilience.schedule.PeakSchedule;
import dev.genairesilience.shared.SharedState;
import dev.genairesilience.spi.FailureClassifier;
import dev.genairesilience.spi.GenAiHttpClientCustomizer;
import dev.genairesilience.spi.ImageProviderFactory;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.ClassUtils;

/**
 * The engine: the shared HTTP client, the provider factories, the providers and chains built from
 * {@code genai.*}, failure classification, circuit breakers, retry budgets, the chain executor and the
 * {@link ImageGenerator}. Every bean steps aside for one of the application's own.
 *
 * <p>The beans of general types ({@code genAiHttpClient}, {@code genAiClock}, {@code genAiTaskExecutor},
 * {@code genAiRetryTemplate}) are not default candidates: they are injected only where asked for by name, so they
 * never make an application's own {@code HttpClient}, {@code Clock}, {@code Executor} or {@code RetryTemplate}
 * injection ambiguous.
 */
@AutoConfiguration(after = TaskExecutionAutoConfiguration.class,
        afterName = "io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration")
@ConditionalOnProperty(prefix = "genai", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(GenAiProperties.class)
public class GenAiAutoConfiguration {

    /** Boot's task executor, which runs on virtual threads when {@code spring.threads.virtual.enabled=true}. */
    static final String APPLICATION_TASK_EXECUTOR = "applicationTaskExecutor";

    private static final String SPRING_AI_IMAGE_MODEL = "org.springframework.ai.image.ImageModel";
    private static final String SPRING_AI_PROVIDER_FACTORY =
            "dev.genairesilience.provider.springai.SpringAiProviderFactory";

    private static final Set<Class<?>> BUILT_IN_FACTORIES = builtInFactories();

    /** The starter's own factories, which an application's factory for the same type takes over from. */
    private static Set<Class<?>> builtInFactories() {
        Set<Class<?>> factories = new HashSet<>(Set.of(GeminiProviderFactory.class, OpenAiProviderFactory.class,
                AzureOpenAiProviderFactory.class, BflProviderFactory.class, FalProviderFactory.class,
                ReplicateProviderFactory.class, StabilityProviderFactory.class, VertexAiProviderFactory.class,
                HuggingFaceProviderFactory.class, LocalProviderFactory.class));
        ClassLoader loader = GenAiAutoConfiguration.class.getClassLoader();
        if (ClassUtils.isPresent(SPRING_AI_IMAGE_MODEL, loader)) {
            factories.add(ClassUtils.resolveClassName(SPRING_AI_PROVIDER_FACTORY, loader));
        }
        return Set.copyOf(factories);
    }

    /**
     * One client for every provider: no redirects, no retries (the chain executor is the only retry loop); through
     * {@code genai.http.proxy} when set, trusting {@code genai.http.ssl-bundle} when set; then changed by the
     * application's {@link GenAiHttpClientCustomizer} beans, in their order.
     */
    @Bean(name = "genAiHttpClient", defaultCandidate = false)
    @ConditionalOnMissingBean(name = "genAiHttpClient")
    public HttpClient genAiHttpClient(GenAiProperties properties, ObjectProvider<SslBundles> sslBundles,
            ObjectProvider<GenAiHttpClientCustomizer> customizers) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.getHttp().getConnectTimeout());
        HttpClientConnections.configure(builder, properties.getHttp(), sslBundles.getIfAvailable());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** The time the engine reads for deadlines, budgets and hints. */
    @Bean(name = "genAiClock", defaultCandidate = false)
    @ConditionalOnMissingBean(name = "genAiClock")
    public Clock genAiClock() {
        return Clock.systemUTC();
    }

    /**
     * The peak hours ({@code genai.peak.windows} in {@code genai.peak.zone}) on the engine's clock; start-up fails
     * naming the property when a window is malformed.
     */
    @Bean
    @ConditionalOnMissingBean
    public PeakSchedule genAiPeakSchedule(GenAiProperties properties, @Qualifier("genAiClock") Clock clock) {
        return new PeakSchedule(PeakHoursProperties.peakHours(properties.getPeak()), clock);
    }

    /** Providers of type {@code gemini}. */
    @Bean
    @ConditionalOnMissingBean
    public GeminiProviderFactory geminiProviderFactory() {
        return new GeminiProviderFactory();
    }

    /** Providers of type {@code openai}, and OpenAI-compatible gateways through {@code base-url}. */
    @Bean
    @ConditionalOnMissingBean
    public OpenAiProviderFactory openAiProviderFactory() {
        return new OpenAiProviderFactory();
    }

    /** Providers of type {@code bfl}: FLUX models at Black Forest Labs, submitted and polled. */
    @Bean
    @ConditionalOnMissingBean
    public BflProviderFactory bflProviderFactory() {
        return new BflProviderFactory();
    }

    /** Providers of type {@code fal}: models on fal's queue, submitted and polled. */
    @Bean
    @ConditionalOnMissingBean
    public FalProviderFactory falProviderFactory() {
        return new FalProviderFactory();
    }

    /** Providers of type {@code replicate}: models on Replicate, waited for, then polled. */
    @Bean
    @ConditionalOnMissingBean
    public ReplicateProviderFactory replicateProviderFactory() {
        return new ReplicateProviderFactory();
    }

    /** Providers of type {@code stability}: Stability AI's Stable Image models. */
    @Bean
    @ConditionalOnMissingBean
    public StabilityProviderFactory stabilityProviderFactory() {
        return new StabilityProviderFactory();
    }

    /**
     * Providers of type {@code azure-openai}: image model deployments on Azure OpenAI, with a key or the Entra tokens
     * of the {@code AccessTokenSource} bean {@code options.token-source} names.
     */
    @Bean
    @ConditionalOnMissingBean
    public AzureOpenAiProviderFactory azureOpenAiProviderFactory(ListableBeanFactory beans,
            @Qualifier("genAiClock") Clock clock) {
        return new AzureOpenAiProviderFactory(new AccessTokenSources(beans, clock));
    }

    /**
     * Providers of type {@code vertex-ai}: Google's Gemini and Imagen models on Vertex AI, with the tokens of an
     * {@code AccessTokenSource} bean or of Google's Application Default Credentials.
     */
    @Bean
    @ConditionalOnMissingBean
    public VertexAiProviderFactory vertexAiProviderFactory(ConfigurableListableBeanFactory beans,
            @Qualifier("genAiClock") Clock clock) {
        return new VertexAiProviderFactory(new AccessTokenSources(beans, clock), beans.getBeanClassLoader());
    }

    /** Providers of type {@code huggingface}. */
    @Bean
    @ConditionalOnMissingBean
    public HuggingFaceProviderFactory huggingFaceProviderFactory() {
        return new HuggingFaceProviderFactory();
    }

    /** Providers of type {@code local}: the offline card, the last resort that always answers. */
    @Bean
    @ConditionalOnMissingBean
    public LocalProviderFactory localProviderFactory() {
        return new LocalProviderFactory();
    }

    /**
     * Checks {@code genai.*} (start-up fails naming each bad property) and creates the providers and chains;
     * an application's factory for a type takes over from the built-in one.
     */
    @Bean
    @ConditionalOnMissingBean
    public ImageProviderRegistry imageProviderRegistry(GenAiProperties properties,
            ObjectProvider<ImageProviderFactory> factories, @Qualifier("genAiHttpClient") HttpClient httpClient) {
        Map<String, ImageProviderFactory> byType = ProviderFactoriesByType.of(factories.orderedStream().toList(),
                BUILT_IN_FACTORIES);
        new GenAiConfigurationValidator(byType.keySet()).validate(properties);
        return new ImageProviderAssembler(byType, httpClient).assemble(properties);
    }

    /** The application's {@link FailureClassifier} beans in their {@code @Order}, then the built-in ones. */
    @Bean
    @ConditionalOnMissingBean
    public FailureClassification genAiFailureClassification(ObjectProvider<FailureClassifier> classifiers,
            @Qualifier("genAiClock") Clock clock) {
        List<FailureClassifier> all = new ArrayList<>(classifiers.orderedStream().toList());
        all.addAll(BuiltInClassifiers.all(clock));
        return new FailureClassification(all);
    }

    /**
     * Breakers from the application's Resilience4j registry when there is one ({@code resilience4j-spring-boot3}
     * makes one, configured by {@code resilience4j.circuitbreaker.*}), else from a registry of their own. A
     * provider the application configured no breaker for gets defaults suited to image generation, timed by the
     * engine's clock.
     */
    @Bean
    @ConditionalOnMissingBean
    public ProviderBreakers genAiProviderBreakers(ObjectProvider<CircuitBreakerRegistry> registry,
            Environment environment, @Qualifier("genAiClock") Clock clock) {
        CircuitBreakerRegistry applications = registry.getIfAvailable();
        if (applications == null) {
            return new RegistryProviderBreakers(CircuitBreakerRegistry.of(GenAiBreakerDefaults.config(clock)));
        }
        return new RegistryProviderBreakers(applications,
                UnconfiguredBreakers.configFor(applications, environment, clock));
    }

    /** Keeps each provider's retries a bounded share of its first attempts ({@code genai.retry.budget.*}). */
    @Bean
    @ConditionalOnMissingBean
    public RetryBudgets genAiRetryBudgets(GenAiProperties properties, @Qualifier("genAiClock") Clock clock) {
        return new RetryBudgets(properties.getRetry().toSettings(), clock);
    }

    /**
     * One lane per provider id (its breaker, retry budget, server-hint hold and latency), shared by every user of
     * that provider: generation, {@code @ModelFallback}, warm-up, probes and the batch queue.
     */
    @Bean
    @ConditionalOnMissingBean
    public ProviderLanes genAiProviderLanes(ProviderBreakers breakers, RetryBudgets budgets,
            GenAiProperties properties, @Qualifier("genAiClock") Clock clock, ObjectProvider<SharedState> shared,
            ObjectProvider<GenAiSharedStateProperties> sharedProperties) {
        Map<String, Integer> maxConcurrency = new LinkedHashMap<>();
        Map<String, Integer> requestsPerMinute = new LinkedHashMap<>();
        properties.getProviders().forEach((id, provider) -> {
            if (provider.getMaxConcurrency() != null) {
                maxConcurrency.put(id, provider.getMaxConcurrency());
            }
            if (provider.getRequestsPerMinute() != null) {
                requestsPerMinute.put(id, provider.getRequestsPerMinute());
            }
        });
        return ProviderLanes.builder(breakers, budgets).maxHold(properties.getRetry().getMaxServerWait()).clock(clock)
                .maxConcurrency(maxConcurrency).requestsPerMinute(requestsPerMinute)
                .quotaWindow(properties.getRetry().getQuotaWindow()).shared(shared.getIfAvailable(SharedState::none))
                .breakerHold(sharedProperties.getIfAvailable(GenAiSharedStateProperties::new).getBreakerHold())
                .build();
    }

    /** What each provider charges ({@code genai.providers.<id>.price}), read with the providers. */
    @Bean
    @ConditionalOnMissingBean
    public PriceList genAiPriceList(ImageProviderRegistry registry) {
        return registry.prices();
    }

    /**
     * The one retry loop: runs plans over the provider lanes with classification and {@code genai.retry.*}, prices
     * each call, tells the {@link ExecutionListener} beans (metrics, health, logs) what it does, in their
     * {@code @Order}, and brackets each generation and call with the {@link ExecutionObserver} bean when there is one
     * (observations, see {@link GenAiTracingAutoConfiguration}).
     */
    @Bean
    @ConditionalOnMissingBean
    public ChainExecutor genAiChainExecutor(FailureClassification classification, ProviderLanes lanes,
            GenAiProperties properties, @Qualifier("genAiClock") Clock clock,
            ObjectProvider<ExecutionListener> listeners, ObjectProvider<ExecutionObserver> observer,
            PriceList prices) {
        return ChainExecutor.builder(classification, lanes).settings(properties.getRetry().toSettings()).clock(clock)
                .listener(ExecutionListeners.of(listeners.orderedStream().toList()))
                .observer(observer.getIfUnique(() -> ExecutionObserver.NONE)).prices(prices).build();
    }

    /**
     * Retries the application's own calls (inject it with {@code @Qualifier("genAiRetryTemplate")}) as the engine
     * retries a step: classified failures, {@code genai.retry.*} attempts and backoff, server hints, and
     * {@code genai.retry.default-deadline} per {@code execute}; no breakers or budgets, which belong to the chains'
     * providers.
     */
    @Bean(name = "genAiRetryTemplate", defaultCandidate = false)
    @ConditionalOnMissingBean(name = "genAiRetryTemplate")
    public RetryTemplate genAiRetryTemplate(FailureClassification classification, GenAiProperties properties,
            @Qualifier("genAiClock") Clock clock) {
        GenAiRetryProperties retry = properties.getRetry();
        return GenAiRetryTemplates.classifyingWith(classification).settings(retry.toSettings())
                .deadline(retry.getDefaultDeadline()).clock(clock).build();
    }

    /** Runs {@code generateAsync} when the application has no {@code applicationTaskExecutor}. */
    @Bean(name = "genAiTaskExecutor", defaultCandidate = false)
    @ConditionalOnMissingBean(name = { APPLICATION_TASK_EXECUTOR, "genAiTaskExecutor" })
    public ThreadPoolTaskExecutor genAiTaskExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(8);
        executor.setAllowCoreThreadTimeOut(true);
        executor.setThreadNamePrefix("genai-");
        return executor;
    }

    /**
     * Generates through the configured chains; async work runs on Boot's {@code applicationTaskExecutor}; submitted
     * work goes to the off-peak {@link ImageJobQueue}, if there is one (looked up at the first submission, because
     * the queue runs its jobs through this generator); the chains' peak settings apply in the peak hours.
     */
    @Bean
    @ConditionalOnMissingBean
    public ImageGenerator imageGenerator(GenAiProperties properties, ImageProviderRegistry registry,
            ChainExecutor executor,
            @Qualifier(APPLICATION_TASK_EXECUTOR) ObjectProvider<Executor> applicationExecutor,
            @Qualifier("genAiTaskExecutor") ObjectProvider<Executor> ownExecutor,
            ObjectProvider<ImageJobQueue> jobQueue, PeakSchedule peak) {
        return DefaultImageGenerator.builder(registry.chains(), registry.providers(), executor,
                applicationExecutor.getIfAvailable(ownExecutor::getObject)).defaultChain(registry.defaultChain())
                .tagRoutes(properties.getRouting().getTags()).jobs(jobQueue::getIfAvailable).peak(peak).build();
    }
}
