package dev.genairesilience.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.JobState;
import dev.genairesilience.batch.worker.BatchWorkerApplication;
import dev.genairesilience.testkit.ProviderEmulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Acceptance: two application instances, each with its own db-scheduler, drain one queue in a real PostgreSQL.
 * Every job is generated exactly once (so never twice at the same time), both instances take part, and nothing is
 * left in the queue.
 */
class TwoInstancesOnPostgresTest {

    private static final int JOBS = 120;

    @TempDir
    Path images;

    @Test
    void twoInstancesShareTheQueueAndEachJobRunsOnceOnOneOfThem() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                ProviderEmulator emulator = ProviderEmulator.start()) {
            emulator.model(BatchWorkerApplication.MODEL).latency(Duration.ofMillis(60));
            String url = postgres.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext first = instance("first", url, emulator);
                    ConfigurableApplicationContext second = instance("second", url, emulator)) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < JOBS; i++) {
                    ConfigurableApplicationContext via = i % 2 == 0 ? first : second;
                    ids.add(via.getBean(ImageGenerator.class).submit("catalogue", ImageRequest.of("shot " + i)).id());
                }

                ImageGenerator generator = first.getBean(ImageGenerator.class);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> ids.stream()
                        .allMatch(id -> generator.job(id).orElseThrow().state() == JobState.SUCCEEDED));

                Set<String> ranOnFirst = first.getBean(Runs.class).jobs.keySet();
                Set<String> ranOnSecond = second.getBean(Runs.class).jobs.keySet();
                assertThat(ranOnFirst).as("jobs the first instance ran").isNotEmpty();
                assertThat(ranOnSecond).as("jobs the second instance ran").isNotEmpty();
                assertThat(ranOnFirst).doesNotContainAnyElementsOf(ranOnSecond);
                Set<String> ran = new HashSet<>(ranOnFirst);
                ran.addAll(ranOnSecond);
                assertThat(ran).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(emulator.model(BatchWorkerApplication.MODEL).calls()).as("generation calls").isEqualTo(JOBS);

                JdbcTemplate jdbc = new JdbcTemplate(first.getBean(DataSource.class));
                assertThat(jdbc.queryForObject("select count(*) from genai_scheduled_tasks", Long.class)).isZero();
                assertThat(jdbc.queryForObject("select count(*) from genai_image_jobs where state <> 'SUCCEEDED'",
                        Long.class)).isZero();
            }
            try (Stream<Path> files = Files.list(images)) {
                assertThat(files).hasSize(JOBS);
            }
        }
    }

    private ConfigurableApplicationContext instance(String name, String url, ProviderEmulator emulator) {
        List<String> arguments = BatchWorkerApplication.arguments(emulator.baseUrl(), images, url,
                "--spring.datasource.username=postgres", "--genai.batch.concurrency=4", "--genai.batch.rate=200",
                "--spring.application.name=" + name);
        return new SpringApplicationBuilder(BatchWorkerApplication.class, Runs.class).web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }

    /** Records which jobs this instance ran to success, counting each. */
    static class Runs {

        final ConcurrentMap<String, Integer> jobs = new ConcurrentHashMap<>();

        @EventListener
        void on(ImageJobSucceededEvent event) {
            jobs.merge(event.job().id(), 1, Integer::sum);
        }
    }
}
