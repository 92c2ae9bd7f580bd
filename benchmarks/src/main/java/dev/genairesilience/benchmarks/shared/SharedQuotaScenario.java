package dev.genairesilience.benchmarks.shared;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.benchmarks.RunnerOptions;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.strategy.ApiType;
import dev.genairesilience.benchmarks.strategy.EngineApplication;
import dev.genairesilience.benchmarks.strategy.EngineProperties;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.ProviderLineup;
import dev.genairesilience.shared.JdbcSharedStateStore;
import dev.genairesilience.shared.RedisSharedStateStore;
import dev.genairesilience.testkit.ModelBehaviour;
import dev.genairesilience.testkit.ProviderEmulator;
import dev.genairesilience.testkit.RedisServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * {@code shared-quota}: three instances of one application behind one quota of 60 calls per minute
 * ({@code Retry-After: 10}), asked for twice that, once per {@code genai.shared-state.store}: {@code memory} (each
 * instance learns alone), {@code jdbc} (one embedded PostgreSQL) and {@code redis} (one {@code redis-server}). Then
 * what the store costs a generation: one instance, a healthy provider answering at once, sequential generations.
 */
public final class SharedQuotaScenario {

    static final int INSTANCES = 3;
    static final int QUOTA_PER_MINUTE = 60;
    static final Duration HINT = Duration.ofSeconds(10);
    static final Duration CALL_LATENCY = Duration.ofSeconds(2);
    static final double REQUESTS_PER_SECOND = 2;
    static final Duration RUN = Duration.ofMinutes(5);
    static final int COST_WARMUP = 1_000;
    static final int COST_GENERATIONS = 3_000;

    private static final List<ModelEndpoint> PAIR = List.of(
            new ModelEndpoint("primary", ApiType.OPENAI, "gpt-image-1"),
            new ModelEndpoint("secondary", ApiType.OPENAI, "dall-e-3"));

    private SharedQuotaScenario() {
    }

    /** Runs the three stores (a store that cannot start here is reported as not run, with why). */
    public static SharedQuotaReport run(RunnerOptions options) throws Exception {
        TimeScale scale = options.scale();
        List<SharedQuotaReport.StoreRun> runs = new ArrayList<>();
        List<SharedQuotaReport.StoreCost> costs = new ArrayList<>();
        for (String store : List.of("memory", "jdbc", "redis")) {
            try (StoreUnderTest under = StoreUnderTest.start(store)) {
                if (under.skipped() != null) {
                    runs.add(SharedQuotaReport.StoreRun.notRun(store, under.skipped()));
                    continue;
                }
                SharedQuotaReport.StoreRun run = quota(under, scale);
                System.out.printf("shared-quota %-6s %d requests, %d answers of 429, %s%% ok, %s%% first choice%n",
                        store, run.requests(), run.refused(), run.successPercent(), run.firstChoicePercent());
                runs.add(run);
                costs.add(cost(under));
            }
        }
        return new SharedQuotaReport(scale, runs, costs);
    }

    private static SharedQuotaReport.StoreRun quota(StoreUnderTest store, TimeScale scale) throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.start()) {
            ModelBehaviour primary = emulator.model(PAIR.get(0).model())
                    .rateLimit(QUOTA_PER_MINUTE, scale.wall(Duration.ofMinutes(1))).hint(scale.wall(HINT))
                    .latency(scale.wall(CALL_LATENCY));
            emulator.model(PAIR.get(1).model()).latency(scale.wall(CALL_LATENCY));
            List<ConfigurableApplicationContext> instances = new ArrayList<>();
            try {
                for (int n = 0; n < INSTANCES; n++) {
                    instances.add(store.instance(properties(emulator, scale, store, Map.of())));
                }
                int requests = (int) Math.round(REQUESTS_PER_SECOND * RUN.toSeconds());
                long spacingNanos = scale.wall(Duration.ofNanos(Math.round(1e9 / REQUESTS_PER_SECOND))).toNanos();
                ExecutorService clients = Executors.newCachedThreadPool();
                List<Future<String>> answers = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < requests; i++) {
                    long due = start + i * spacingNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    ImageGenerator generator = instances.get(i % INSTANCES).getBean(ImageGenerator.class);
                    int index = i;
                    answers.add(clients.submit(() -> provider(generator, index)));
                }
                int served = 0;
                int first = 0;
                for (Future<String> answer : answers) {
                    String provider = answer.get();
                    served += provider == null ? 0 : 1;
                    first += PAIR.get(0).id().equals(provider) ? 1 : 0;
                }
                clients.shutdown();
                return SharedQuotaReport.StoreRun.of(store.name(), requests, primary.calls() - primary.successes(),
                        served, first);
            } finally {
                instances.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    /**
     * What the store costs a generation through one instance: the store calls it makes and the time they take, without
     * and with a shared requests-per-minute pace (memory makes none).
     */
    private static SharedQuotaReport.StoreCost cost(StoreUnderTest store) throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.start()) {
            TimeScale real = new TimeScale(1);
            Measured plain = measure(store, properties(emulator, real, store, Map.of()));
            Measured paced = measure(store, properties(emulator, real, store,
                    Map.of("genai.providers.primary.requests-per-minute", "60000000")));
            return new SharedQuotaReport.StoreCost(store.name(), plain.callsPerGeneration(),
                    plain.microsPerGeneration(), paced.callsPerGeneration(), paced.microsPerGeneration());
        }
    }

    /** Store calls and their time per generation, over {@link #COST_GENERATIONS} after {@link #COST_WARMUP}. */
    record Measured(double callsPerGeneration, double microsPerGeneration) {
    }

    private static Measured measure(StoreUnderTest store, Map<String, Object> properties) throws IOException {
        try (ConfigurableApplicationContext instance = store.instance(properties)) {
            ImageGenerator generator = instance.getBean(ImageGenerator.class);
            for (int i = 0; i < COST_WARMUP; i++) {
                generator.generate(EngineProperties.CHAIN, ImageRequest.of("warm-up " + i));
            }
            TimedStore timed = instance.getBeanProvider(TimedStore.class).getIfAvailable();
            if (timed == null) {
                return new Measured(0, 0);
            }
            timed.reset();
            for (int i = 0; i < COST_GENERATIONS; i++) {
                generator.generate(EngineProperties.CHAIN, ImageRequest.of("a teapot " + i));
            }
            return new Measured(timed.calls() / (double) COST_GENERATIONS,
                    timed.nanos() / 1_000.0 / COST_GENERATIONS);
        }
    }

    private static String provider(ImageGenerator generator, int index) {
        try {
            GeneratedImage image = generator.generate(EngineProperties.CHAIN, ImageRequest.of("a product shot "
                    + index));
            return image.provider();
        } catch (RuntimeException failed) {
            return null;
        }
    }

    private static Map<String, Object> properties(ProviderEmulator emulator, TimeScale scale, StoreUnderTest store,
            Map<String, Object> more) {
        Map<String, Object> p = new LinkedHashMap<>(EngineProperties.of(new ProviderLineup(emulator.baseUrl(), PAIR),
                scale));
        p.put("spring.application.name", "shared-quota");
        p.put("genai.shared-state.breaker-hold", scale.property(Duration.ofSeconds(10)));
        p.putAll(store.properties());
        p.putAll(more);
        return p;
    }

    /** One store, started for the run and stopped after it. */
    private static final class StoreUnderTest implements AutoCloseable {

        private final String name;
        private final EmbeddedPostgres postgres;
        private final RedisServer redis;
        private final String skipped;

        private StoreUnderTest(String name, EmbeddedPostgres postgres, RedisServer redis, String skipped) {
            this.name = name;
            this.postgres = postgres;
            this.redis = redis;
            this.skipped = skipped;
        }

        static StoreUnderTest start(String name) throws IOException, InterruptedException {
            return switch (name) {
                case "jdbc" -> new StoreUnderTest(name, EmbeddedPostgres.builder().start(), null, null);
                case "redis" -> RedisServer.installed() ? new StoreUnderTest(name, null, RedisServer.start(), null)
                        : new StoreUnderTest(name, null, null, "redis-server is not installed");
                default -> new StoreUnderTest(name, null, null, null);
            };
        }

        String name() {
            return name;
        }

        String skipped() {
            return skipped;
        }

        Map<String, Object> properties() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("genai.shared-state.store", name);
            if (postgres != null) {
                p.put("genai.shared-state.initialize-schema", "always");
            }
            if (redis != null) {
                p.put("spring.data.redis.host", "127.0.0.1");
                p.put("spring.data.redis.port", Integer.toString(redis.port()));
            }
            return p;
        }

        ConfigurableApplicationContext instance(Map<String, Object> properties) {
            if (redis != null) {
                return EngineApplication.start(properties, TimedRedis.class);
            }
            if (postgres == null) {
                return EngineApplication.start(properties);
            }
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            pool.setUsername("postgres");
            // the context closes the pool with itself (a bean's close method)
            PostgresHolder.dataSource = new HikariDataSource(pool);
            return EngineApplication.start(properties, PostgresHolder.class, TimedJdbc.class);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            if (postgres != null) {
                postgres.close();
            }
            if (redis != null) {
                redis.close();
            }
        }
    }

    /** The starter's JDBC store, timed. */
    @Configuration(proxyBeanMethods = false)
    static class TimedJdbc {

        @Bean
        TimedStore timedStore(DataSource dataSource) {
            return new TimedStore(new JdbcSharedStateStore(dataSource));
        }
    }

    /** The starter's Redis store, timed. */
    @Configuration(proxyBeanMethods = false)
    static class TimedRedis {

        @Bean
        TimedStore timedStore(RedisConnectionFactory connections) {
            return new TimedStore(new RedisSharedStateStore(connections));
        }
    }

    /** The embedded PostgreSQL, pooled, as the application's {@code DataSource}. */
    @Configuration(proxyBeanMethods = false)
    static class PostgresHolder {

        static volatile DataSource dataSource;

        @Bean
        DataSource dataSource() {
            return dataSource;
        }
    }
}
