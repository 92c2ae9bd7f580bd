package dev.genairesilience.autoconfigure;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageJobQueue;
import dev.genairesilience.batch.BatchSchedulerLifecycle;
import dev.genairesilience.batch.BatchSchemaInitializer;
import dev.genairesilience.batch.BatchWindow;
import dev.genairesilience.batch.DrainRateLimiter;
import dev.genairesilience.batch.FileSystemImageStore;
import dev.genairesilience.batch.ImageJobRunner;
import dev.genairesilience.batch.ImageJobTask;
import dev.genairesilience.batch.ImageStore;
import dev.genairesilience.batch.JdbcImageJobRepository;
import dev.genairesilience.batch.OffPeakJobQueue;
import dev.genairesilience.batch.QueueLimits;
import dev.genairesilience.schedule.PeakSchedule;
import dev.genairesilience.shared.SharedState;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The off-peak queue ({@code genai.batch.*}) on the application's one {@code DataSource}, when db-scheduler and
 * Spring JDBC are on the class path: the job table and a db-scheduler {@link Scheduler} of its own (in its own
 * table, apart from any the application runs), the {@link ImageStore}, and the {@link ImageJobQueue} that
 * {@code ImageGenerator.submit} hands work to. Every bean steps aside for one of the application's own.
 */
@AutoConfiguration(after = { GenAiAutoConfiguration.class, DataSourceAutoConfiguration.class })
@ConditionalOnClass({ Scheduler.class, JdbcTemplate.class })
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnProperty(prefix = "genai", name = "enabled", matchIfMissing = true)
@ConditionalOnProperty(prefix = "genai.batch", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(GenAiBatchProperties.class)
public class GenAiBatchAutoConfiguration {

    /** The scheduler's bean name; it is not a default candidate, so it never competes with an application's own. */
    static final String SCHEDULER = "genAiBatchScheduler";

    /** The window from {@code genai.batch.window} and {@code zone}; start-up stops on a bad one, naming it. */
    @Bean
    @ConditionalOnMissingBean
    public BatchWindow genAiBatchWindow(GenAiBatchProperties properties) {
        return GenAiBatchPropertiesValidator.validate(properties);
    }

    /** Job images as files under {@code genai.batch.store-directory}. */
    @Bean
    @ConditionalOnMissingBean
    public ImageStore genAiImageStore(GenAiBatchProperties properties) {
        return new FileSystemImageStore(properties.getStoreDirectory());
    }

    /** Creates the queue's tables per {@code genai.batch.initialize-schema}. */
    @Bean
    @ConditionalOnMissingBean
    public BatchSchemaInitializer genAiBatchSchemaInitializer(DataSource dataSource, GenAiBatchProperties properties) {
        return new BatchSchemaInitializer(dataSource, properties.getInitializeSchema());
    }

    /** The job table. */
    @Bean
    @ConditionalOnMissingBean
    public JdbcImageJobRepository genAiImageJobRepository(DataSource dataSource) {
        return new JdbcImageJobRepository(new JdbcTemplate(dataSource));
    }

    /**
     * Runs each job through the engine, at {@code genai.batch.rate} per second at most on this instance (on the whole
     * queue when {@code genai.shared-state.store} shares it, with {@code genai.batch.concurrency} jobs at once across
     * the instances too), in the window and never in a peak ({@code genai.peak.windows}).
     */
    @Bean
    @ConditionalOnMissingBean
    public ImageJobRunner genAiImageJobRunner(JdbcImageJobRepository jobs, ImageGenerator generator,
            ImageStore store, BatchWindow window, PeakSchedule peak, GenAiBatchProperties properties,
            @Qualifier("genAiClock") Clock clock, ApplicationEventPublisher events, ObjectProvider<SharedState> shared,
            ObjectProvider<GenAiSharedStateProperties> sharedProperties) {
        BatchWindow drain = GenAiBatchPropertiesValidator.drainWindow(window, peak.hours());
        SharedState state = shared.getIfAvailable(SharedState::none);
        QueueLimits limits = state.configured()
                ? QueueLimits.shared(state, properties.getRate(), properties.getConcurrency(),
                        sharedProperties.getIfAvailable(GenAiSharedStateProperties::new).getPlaceLease())
                : QueueLimits.local(new DrainRateLimiter(properties.getRate()));
        return new ImageJobRunner(jobs, generator, store, drain, properties.getMaxWindows(), limits, clock, events);
    }

    /**
     * db-scheduler on the application's {@code DataSource}, seen through a {@code TransactionAwareDataSourceProxy}
     * so that a submission writes its job row and its execution in one transaction. {@code genai.batch.concurrency}
     * threads; a running job whose instance misses four heartbeats runs again elsewhere.
     */
    @Bean(name = SCHEDULER, defaultCandidate = false, destroyMethod = "")
    @ConditionalOnMissingBean(name = SCHEDULER)
    public Scheduler genAiBatchScheduler(DataSource dataSource, BatchSchemaInitializer schema, ImageJobRunner runner,
            GenAiBatchProperties properties) {
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), ImageJobTask.create(runner))
                .tableName(ImageJobTask.TABLE)
                .threads(properties.getConcurrency())
                .pollingInterval(properties.getPollInterval())
                .heartbeatInterval(properties.getHeartbeatInterval())
                .missedHeartbeatsLimit(4)
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .shutdownMaxWait(properties.getShutdownTimeout())
                .build();
    }

    /** Starts the scheduler with the application ({@code genai.batch.auto-startup}) and stops it first on shutdown. */
    @Bean
    @ConditionalOnMissingBean
    public BatchSchedulerLifecycle genAiBatchSchedulerLifecycle(@Qualifier(SCHEDULER) Scheduler scheduler,
            GenAiBatchProperties properties) {
        return new BatchSchedulerLifecycle(scheduler, properties.isAutoStartup());
    }

    /**
     * Where {@code ImageGenerator.submit} puts jobs: the job row and its execution, in one transaction, due when the
     * window next opens outside the peak hours.
     */
    @Bean
    @ConditionalOnMissingBean(ImageJobQueue.class)
    public OffPeakJobQueue genAiImageJobQueue(JdbcImageJobRepository jobs, @Qualifier(SCHEDULER) Scheduler scheduler,
            DataSource dataSource, BatchWindow window, PeakSchedule peak, GenAiBatchProperties properties,
            @Qualifier("genAiClock") Clock clock) {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        BatchWindow drain = GenAiBatchPropertiesValidator.drainWindow(window, peak.hours());
        return new OffPeakJobQueue(jobs, scheduler, transactions, drain, properties.getRate(), clock);
    }
}
