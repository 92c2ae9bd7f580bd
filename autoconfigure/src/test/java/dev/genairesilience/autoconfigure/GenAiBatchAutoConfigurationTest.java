package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageJobQueue;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.JobState;
import dev.genairesilience.Resolution;
import dev.genairesilience.batch.FileSystemImageStore;
import dev.genairesilience.batch.ImageJobSucceededEvent;
import dev.genairesilience.batch.ImageStore;
import dev.genairesilience.batch.StoredImage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

class GenAiBatchAutoConfigurationTest {

    @TempDir
    Path images;

    private ApplicationContextRunner withDatabase() {
        return withoutDatabase()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues(
                        "spring.datasource.url=jdbc:h2:mem:batch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    private ApplicationContextRunner withoutDatabase() {
        return GenAiContextRunners.withTestProviders()
                .withConfiguration(AutoConfigurations.of(GenAiBatchAutoConfiguration.class))
                .withPropertyValues("genai.chains.catalogue.providers=good", "genai.chains.catalogue.resolution=2K",
                        "genai.chains.cards.providers=card", "genai.chains.cards.resolution=4K",
                        "genai.default-chain=catalogue", "genai.batch.store-directory=" + images,
                        "genai.batch.poll-interval=100ms", "genai.batch.rate=50");
    }

    private static TestProviderFactory recording(ApplicationContext context) {
        return context.getBean("recordingProviderFactory", TestProviderFactory.class);
    }

    private static JdbcTemplate jdbc(ApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    private static Consumer<GenerationRejectedException> field(String name) {
        return rejected -> assertThat(rejected.field()).isEqualTo(name);
    }

    private static long count(JdbcTemplate jdbc, String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    @Test
    void withADataSourceASubmittedJobRunsInAnOpenWindowStoresItsImageAndTellsTheApplication() {
        withDatabase().withUserConfiguration(Listener.class).withPropertyValues("genai.batch.window=always")
                .run(context -> {
                    ImageGenerator generator = context.getBean(ImageGenerator.class);
                    ImageJob job = generator.submit("catalogue", ImageRequest.of("a teapot"));

                    assertThat(job.state()).isEqualTo(JobState.QUEUED);
                    assertThat(job.chain()).isEqualTo("catalogue");
                    await().atMost(Duration.ofSeconds(20)).until(
                            () -> generator.job(job.id()).orElseThrow().state() == JobState.SUCCEEDED);
                    StoredImage stored = context.getBean(ImageStore.class).find(job.id()).orElseThrow();
                    assertThat(stored.bytes()).isEqualTo(TestProviderFactory.IMAGE);
                    assertThat(recording(context).calls("good")).hasSize(1);
                    Listener listener = context.getBean(Listener.class);
                    await().atMost(Duration.ofSeconds(5)).until(() -> !listener.succeeded.isEmpty());
                    assertThat(context.getBean(Listener.class).succeeded.get(0).job().id()).isEqualTo(job.id());
                });
    }

    @Test
    void aJobSubmittedOutsideTheWindowWaitsForItsNextOpening() {
        Instant now = Instant.now();
        Instant opening = now.plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS);
        LocalTime start = LocalTime.ofInstant(opening, ZoneOffset.UTC);
        String window = start + "-" + start.plusHours(1);
        withDatabase().withPropertyValues("genai.batch.window=" + window, "genai.batch.zone=UTC", "genai.batch.rate=1")
                .run(context -> {
                    ImageJob job = context.getBean(ImageGenerator.class).submit(ImageRequest.of("a teapot"));

                    Instant scheduled = jdbc(context).queryForObject(
                            "select execution_time from genai_scheduled_tasks where task_instance = ?",
                            java.time.OffsetDateTime.class, job.id()).toInstant();
                    assertThat(scheduled).isEqualTo(opening);
                    assertThat(job.estimatedCompletion()).isEqualTo(scheduled.plusSeconds(1));
                    assertThat(recording(context).calls("good")).isEmpty();
                });
    }

    @Test
    void anInvalidSubmissionIsRejectedNamingTheFieldAndNothingEntersTheQueue() {
        withDatabase().run(context -> {
            ImageGenerator generator = context.getBean(ImageGenerator.class);
            JdbcTemplate jdbc = jdbc(context);

            assertThatThrownBy(() -> generator.submit("catalogue", ImageRequest.of(" ")))
                    .isInstanceOfSatisfying(GenerationRejectedException.class, field("prompt"));
            assertThatThrownBy(() -> generator.submit("catalog", ImageRequest.of("a teapot")))
                    .isInstanceOfSatisfying(GenerationRejectedException.class, field("chain"));
            assertThatThrownBy(() -> generator.submit("cards", ImageRequest.builder("a teapot")
                    .resolution(Resolution.FOUR_K).build()))
                    .isInstanceOfSatisfying(GenerationRejectedException.class, field("resolution"));
            assertThatThrownBy(() -> generator.submit("catalogue", ImageRequest.builder("a teapot")
                    .aspectRatio("wide").build()))
                    .isInstanceOfSatisfying(GenerationRejectedException.class, field("aspectRatio"));

            assertThat(count(jdbc, "genai_image_jobs")).isZero();
            assertThat(count(jdbc, "genai_scheduled_tasks")).isZero();
        });
    }

    @Test
    void withoutADataSourceThereIsNoQueueAndSubmittingSaysWhatIsMissing() {
        withoutDatabase().run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ImageJobQueue.class);
            assertThatThrownBy(() -> context.getBean(ImageGenerator.class).submit(ImageRequest.of("a teapot")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("No off-peak queue")
                    .hasMessageContaining("DataSource");
        });
    }

    @Test
    void withoutDbSchedulerOnTheClassPathThereIsNoQueue() {
        withDatabase().withClassLoader(new FilteredClassLoader(Scheduler.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ImageJobQueue.class));
    }

    @Test
    void theQueueCanBeSwitchedOff() {
        withDatabase().withPropertyValues("genai.batch.enabled=false")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ImageJobQueue.class)
                        .doesNotHaveBean(ImageStore.class));
    }

    @Test
    void aMalformedWindowStopsStartUpNamingTheProperty() {
        withDatabase().withPropertyValues("genai.batch.window=2am-7am").run(context -> assertThat(context)
                .getFailure()
                .rootCause()
                .isInstanceOf(InvalidGenAiConfigurationException.class)
                .hasMessageContaining("genai.batch.window: '2am-7am' is neither HH:mm-HH:mm"));
    }

    @Test
    void impossibleLimitsStopStartUpNamingEachProperty() {
        withDatabase().withPropertyValues("genai.batch.window=04:00-04:00", "genai.batch.max-windows=0",
                "genai.batch.rate=0", "genai.batch.concurrency=0").run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("genai.batch.window: '04:00-04:00' starts and ends at the same time")
                        .hasMessageContaining("genai.batch.max-windows: must be at least 1")
                        .hasMessageContaining("genai.batch.rate: must be a positive number")
                        .hasMessageContaining("genai.batch.concurrency: must be at least 1"));
    }

    @Test
    void aWindowInsideThePeakHoursStopsStartUpNamingBoth() {
        withDatabase().withPropertyValues("genai.batch.window=02:00-07:00", "genai.batch.zone=UTC",
                "genai.peak.windows=01:00-08:00").run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("genai.batch.window: 02:00-07:00 UTC lies inside genai.peak.windows"));
    }

    @Test
    void anUnknownZoneStopsStartUpNamingTheProperty() {
        withDatabase().withPropertyValues("genai.batch.zone=Mars/Olympus").run(context -> assertThat(context)
                .getFailure()
                .hasStackTraceContaining("genai.batch.zone"));
    }

    @Test
    void theApplicationsImageStoreIsUsed() {
        withDatabase().withUserConfiguration(OwnStore.class).run(context -> assertThat(context)
                .getBean(ImageStore.class).isSameAs(context.getBean(OwnStore.class).store));
    }

    @Test
    void withInitializeSchemaNeverNoTableIsCreated() {
        withDatabase().withPropertyValues("genai.batch.initialize-schema=never", "genai.batch.auto-startup=false")
                .run(context -> assertThat(jdbc(context).queryForObject(
                        "select count(*) from information_schema.tables where lower(table_name) like 'genai_%'",
                        Long.class)).isZero());
    }

    @Test
    void theSchedulerIsNotADefaultCandidateSoTheApplicationsOwnStaysUnambiguous() {
        withDatabase().withUserConfiguration(OwnScheduler.class).run(context -> {
            assertThat(context).hasBean("genAiBatchScheduler");
            assertThat(context.getBean(Scheduler.class)).isSameAs(context.getBean("appScheduler"));
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class Listener {

        final List<ImageJobSucceededEvent> succeeded = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ImageJobSucceededEvent event) {
            succeeded.add(event);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnScheduler {

        @Bean
        Scheduler appScheduler(DataSource dataSource) {
            return Scheduler.create(dataSource).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnStore {

        final ImageStore store = new FileSystemImageStore(Path.of("own-images"));

        @Bean
        ImageStore ownImageStore() {
            return store;
        }
    }
}
