package dev.genairesilience.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.batch.worker.BatchWorkerApplication;
import dev.genairesilience.testkit.ProviderEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Acceptance: queued jobs drain against the emulator within the configured rate limit, and the throughput is
 * measured. The jobs are all queued first, with the instance not draining yet; then it starts, and the test
 * measures until the last job succeeded. The build runs 2,000 jobs at 200 per second; the 10,000-job measurement
 * is {@code ./mvnw -B -pl autoconfigure -am test -Dtest=QueuedJobDrainTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgenai.drain.jobs=10000 -Dgenai.drain.rate=250} ({@code genai.drain.concurrency} sets the threads, 8 by default).
 */
class QueuedJobDrainTest {

    private static final int JOBS = Integer.getInteger("genai.drain.jobs", 2_000);
    private static final double RATE = Double.parseDouble(System.getProperty("genai.drain.rate", "200"));
    private static final int CONCURRENCY = Integer.getInteger("genai.drain.concurrency", 8);

    @TempDir
    Path images;

    @Test
    void queuedJobsDrainCompletelyAndNoFasterThanTheRateLimit() {
        try (ProviderEmulator emulator = ProviderEmulator.start();
                ConfigurableApplicationContext context = instance(emulator)) {
            ImageGenerator generator = context.getBean(ImageGenerator.class);
            long submitStart = System.nanoTime();
            for (int i = 0; i < JOBS; i++) {
                generator.submit("catalogue", ImageRequest.of("catalogue shot " + i));
            }
            double submitSeconds = (System.nanoTime() - submitStart) / 1e9;
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));

            long drainStart = System.nanoTime();
            context.getBean(BatchSchedulerLifecycle.class).start();
            await().atMost(Duration.ofSeconds((long) (JOBS / RATE) * 4 + 60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> succeeded(jdbc) == JOBS);
            double drainSeconds = (System.nanoTime() - drainStart) / 1e9;

            double throughput = JOBS / drainSeconds;
            System.out.printf(Locale.ROOT, "Drained %d jobs in %.1f s: %.1f jobs/s (limit %.0f/s, concurrency %d);"
                    + " submitted in %.1f s (%.0f/s); emulator calls %d%n", JOBS, drainSeconds, throughput, RATE,
                    CONCURRENCY, submitSeconds, JOBS / submitSeconds,
                    emulator.model(BatchWorkerApplication.MODEL).calls());
            assertThat(drainSeconds).as("drain time in seconds").isGreaterThanOrEqualTo((JOBS - 1) / RATE);
            assertThat(emulator.model(BatchWorkerApplication.MODEL).calls()).isEqualTo(JOBS);
            assertThat(jdbc.queryForObject("select count(*) from genai_scheduled_tasks", Long.class)).isZero();
        }
    }

    private static long succeeded(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from genai_image_jobs where state = 'SUCCEEDED'", Long.class);
    }

    private ConfigurableApplicationContext instance(ProviderEmulator emulator) {
        String url = "jdbc:h2:mem:drain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return new SpringApplicationBuilder(BatchWorkerApplication.class).web(WebApplicationType.NONE)
                .run(BatchWorkerApplication.arguments(emulator.baseUrl(), images, url,
                        "--genai.batch.auto-startup=false", "--genai.batch.rate=" + RATE,
                        "--genai.batch.concurrency=" + CONCURRENCY, "--logging.level.dev.genairesilience=WARN")
                        .toArray(String[]::new));
    }
}
