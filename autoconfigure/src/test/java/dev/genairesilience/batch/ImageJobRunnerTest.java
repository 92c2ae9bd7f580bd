package dev.genairesilience.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.Attempt;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.JobState;
import dev.genairesilience.Resolution;
import dev.genairesilience.testsupport.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

class ImageJobRunnerTest {

    private static final Instant CREATED = Instant.parse("2026-06-10T01:00:00Z");
    private static final Instant IN_WINDOW = Instant.parse("2026-06-10T03:00:00Z");
    private static final Instant NEXT_OPENING = Instant.parse("2026-06-11T02:00:00Z");
    private static final BatchWindow NIGHTS = BatchWindow.parse("02:00-07:00", ZoneOffset.UTC);

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(IN_WINDOW);
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final List<Object> events = new ArrayList<>();
    private JdbcImageJobRepository jobs;
    private FileSystemImageStore store;

    @BeforeEach
    void database() {
        DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:runner-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new BatchSchemaInitializer(dataSource, DatabaseInitializationMode.EMBEDDED).initializeDatabase();
        jobs = new JdbcImageJobRepository(new JdbcTemplate(dataSource));
        store = new FileSystemImageStore(directory);
    }

    private ImageJobRunner runner(BatchWindow window, int maxWindows) {
        return new ImageJobRunner(jobs, generator, store, window, maxWindows,
                QueueLimits.local(new DrainRateLimiter(1000)), clock,
                events::add);
    }

    private String queued(ImageRequest request) {
        String id = UUID.randomUUID().toString();
        jobs.insert(new ImageJob(id, JobState.QUEUED, "catalogue", IN_WINDOW, 0, null, CREATED, CREATED), request);
        return id;
    }

    private String queued() {
        return queued(ImageRequest.builder("a teapot on a shelf").resolution(Resolution.TWO_K).aspectRatio("4:3")
                .deadline(Duration.ofSeconds(45)).build());
    }

    private ImageJob job(String id) {
        return jobs.job(id).orElseThrow();
    }

    private static GenerationUnavailableException overloaded(Duration retryAfter) {
        return new GenerationUnavailableException("catalogue", "every provider is overloaded", List.<Attempt>of(),
                retryAfter);
    }

    @Test
    void aJobInItsWindowIsGeneratedWithItsOwnRequestStoredAndSucceeds() {
        String id = queued();

        Optional<Instant> again = runner(NIGHTS, 3).run(id);

        assertThat(again).isEmpty();
        ImageJob job = job(id);
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.windowsTried()).isEqualTo(1);
        assertThat(job.estimatedCompletion()).isEqualTo(IN_WINDOW);
        assertThat(generator.chains).containsExactly("catalogue");
        ImageRequest request = generator.requests.get(0);
        assertThat(request.prompt()).isEqualTo("a teapot on a shelf");
        assertThat(request.resolution()).isEqualTo(Resolution.TWO_K);
        assertThat(request.aspectRatio()).isEqualTo("4:3");
        assertThat(request.deadline()).isEqualTo(Duration.ofSeconds(45));
        assertThat(store.find(id).orElseThrow().bytes()).isEqualTo(ScriptedGenerator.PNG);
        assertThat(events).singleElement().isInstanceOfSatisfying(ImageJobSucceededEvent.class, event -> {
            assertThat(event.job()).isEqualTo(job);
            assertThat(event.image().provider()).isEqualTo("good");
        });
    }

    @Test
    void aRequestLeftToTheChainsDefaultsStaysSoInTheQueue() {
        String id = queued(ImageRequest.of("a plain mug"));

        runner(NIGHTS, 3).run(id);

        ImageRequest request = generator.requests.get(0);
        assertThat(request).isEqualTo(ImageRequest.of("a plain mug"));
    }

    @Test
    void aRejectedRequestFailsAtOnceWithItsReason() {
        String id = queued();
        generator.thenThrow(new GenerationRejectedException("aspectRatio", "not supported by the model", 400));

        Optional<Instant> again = runner(NIGHTS, 3).run(id);

        assertThat(again).isEmpty();
        ImageJob job = job(id);
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.failureReason()).startsWith("rejected: ").contains("aspectRatio", "not supported by the model");
        assertThat(store.find(id)).isEmpty();
        assertThat(events).singleElement().isInstanceOfSatisfying(ImageJobFailedEvent.class,
                event -> assertThat(event.job()).isEqualTo(job));
    }

    @Test
    void aJobWithoutCapacityGoesBackToTheQueueForTheNextWindowAndFailsAfterMaxWindows() {
        String id = queued();
        generator.thenThrow(overloaded(Duration.ofSeconds(30))).thenThrow(overloaded(Duration.ofSeconds(30)))
                .thenThrow(overloaded(Duration.ofSeconds(30)));
        ImageJobRunner runner = runner(NIGHTS, 3);

        assertThat(runner.run(id)).contains(NEXT_OPENING);
        ImageJob first = job(id);
        assertThat(first.state()).isEqualTo(JobState.QUEUED);
        assertThat(first.windowsTried()).isEqualTo(1);
        assertThat(first.estimatedCompletion()).isEqualTo(NEXT_OPENING);

        clock.set(NEXT_OPENING.plusSeconds(60));
        assertThat(runner.run(id)).contains(NEXT_OPENING.plus(Duration.ofDays(1)));
        assertThat(job(id).windowsTried()).isEqualTo(2);
        assertThat(events).isEmpty();

        clock.set(NEXT_OPENING.plus(Duration.ofDays(1)));
        assertThat(runner.run(id)).isEmpty();
        ImageJob failed = job(id);
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.windowsTried()).isEqualTo(3);
        assertThat(failed.failureReason()).startsWith("no capacity in 3 window(s): ").contains("overloaded");
        assertThat(events).singleElement().isInstanceOf(ImageJobFailedEvent.class);
        assertThat(generator.requests).hasSize(3);
    }

    @Test
    void inAnAlwaysOpenWindowAJobWithoutCapacityWaitsForTheServersRetryAfter() {
        String id = queued();
        generator.thenThrow(overloaded(Duration.ofSeconds(20)));

        assertThat(runner(BatchWindow.always(), 3).run(id)).contains(IN_WINDOW.plusSeconds(20));
        assertThat(job(id).state()).isEqualTo(JobState.QUEUED);
    }

    @Test
    void aJobPickedAfterItsWindowClosedWaitsForTheNextOpeningWithoutUsingAWindow() {
        String id = queued();
        clock.set(Instant.parse("2026-06-10T12:00:00Z"));

        assertThat(runner(NIGHTS, 3).run(id)).contains(NEXT_OPENING);

        ImageJob job = job(id);
        assertThat(job.state()).isEqualTo(JobState.QUEUED);
        assertThat(job.windowsTried()).isZero();
        assertThat(job.estimatedCompletion()).isEqualTo(NEXT_OPENING);
        assertThat(generator.requests).isEmpty();
    }

    @Test
    void aJobLeftRunningByADeadInstanceRunsAgainInTheSameWindowAndStoresOneImage() throws IOException {
        String id = queued();
        jobs.markRunning(id, IN_WINDOW);
        store.store(id, ScriptedGenerator.image());

        assertThat(runner(NIGHTS, 3).run(id)).isEmpty();

        ImageJob job = job(id);
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.windowsTried()).isEqualTo(1);
        try (var files = java.nio.file.Files.list(directory)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void aFinishedJobIsNotRunAgain() {
        String id = queued();
        ImageJobRunner runner = runner(NIGHTS, 3);
        runner.run(id);
        events.clear();

        assertThat(runner.run(id)).isEmpty();
        assertThat(generator.requests).hasSize(1);
        assertThat(events).isEmpty();
    }

    @Test
    void anImageThatCannotBeStoredSendsTheJobBackToTheQueue() {
        String id = queued();
        ImageStore broken = new ImageStore() {
            @Override
            public String store(String jobId, dev.genairesilience.GeneratedImage image) {
                throw new UncheckedIOException(new IOException("disk full"));
            }

            @Override
            public Optional<StoredImage> find(String jobId) {
                return Optional.empty();
            }
        };
        ImageJobRunner runner = new ImageJobRunner(jobs, generator, broken, NIGHTS, 3,
                QueueLimits.local(new DrainRateLimiter(1000)),
                clock, events::add);

        assertThat(runner.run(id)).contains(NEXT_OPENING);
        assertThat(job(id).state()).isEqualTo(JobState.QUEUED);
    }

    @Test
    void anUnexpectedEngineErrorFailsTheJobNamingIt() {
        String id = queued();
        generator.thenThrow(new IllegalStateException("bug"));

        assertThat(runner(NIGHTS, 3).run(id)).isEmpty();
        assertThat(job(id).failureReason()).isEqualTo("unexpected java.lang.IllegalStateException: bug");
    }

    @Test
    void anUnknownJobIsNothingToRun() {
        assertThat(runner(NIGHTS, 3).run("no-such-job")).isEmpty();
        assertThat(generator.requests).isEmpty();
    }
}
