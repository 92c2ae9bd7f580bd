package dev.genairesilience.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.JobState;
import dev.genairesilience.Resolution;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.spi.JobHandle;
import dev.genairesilience.testsupport.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** The runner keeps each provider job a queued job's attempt submits, and fetches a kept one before anything else. */
class ImageJobRunnerResumeTest {

    private static final Instant CREATED = Instant.parse("2026-06-10T01:00:00Z");
    private static final Instant IN_WINDOW = Instant.parse("2026-06-10T03:00:00Z");
    private static final BatchWindow NIGHTS = BatchWindow.parse("02:00-07:00", ZoneOffset.UTC);
    private static final ProviderJob FLUX_JOB = new ProviderJob("flux", Resolution.ONE_K,
            JobHandle.of("job-1", "{\"polling_url\":\"https://api.bfl.ai/v1/get_result?id=job-1&sig=secret\"}"));

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(IN_WINDOW);
    private final ResumingGenerator generator = new ResumingGenerator();
    private final List<Object> events = new ArrayList<>();
    private JdbcImageJobRepository jobs;
    private ImageJobRunner runner;

    @BeforeEach
    void database() {
        DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:resume-runner-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new BatchSchemaInitializer(dataSource, DatabaseInitializationMode.EMBEDDED).initializeDatabase();
        jobs = new JdbcImageJobRepository(new JdbcTemplate(dataSource));
        runner = new ImageJobRunner(jobs, generator, new FileSystemImageStore(directory), NIGHTS, 3,
                QueueLimits.local(new DrainRateLimiter(1000)), clock, events::add);
    }

    @AfterEach
    void noInterruptLeftOver() {
        Thread.interrupted();
    }

    private String queued() {
        String id = UUID.randomUUID().toString();
        jobs.insert(new ImageJob(id, JobState.QUEUED, "catalogue", IN_WINDOW, 0, null, CREATED, CREATED),
                ImageRequest.of("a teapot on a shelf"));
        return id;
    }

    /** A job an earlier run was running when it died, with {@code providerJob} kept. */
    private String runningWith(ProviderJob providerJob) {
        String id = queued();
        jobs.markRunning(id, IN_WINDOW);
        assertThat(jobs.keepProviderJob(id, providerJob)).isTrue();
        return id;
    }

    private ProviderJob kept(String id) {
        return jobs.find(id).orElseThrow().providerJob();
    }

    private GeneratedImage succeededImage() {
        return events.stream().filter(ImageJobSucceededEvent.class::isInstance).map(ImageJobSucceededEvent.class::cast)
                .findFirst().orElseThrow().image();
    }

    /** What the chain delivers: one attempt at provider {@code good}. */
    private static GeneratedImage generated() {
        return new GeneratedImage(ScriptedGenerator.PNG.clone(), "image/png", "good", "good-model", Resolution.TWO_K,
                false, List.of(Attempt.builder("good", "good-model").cost(BigDecimal.ONE).build()));
    }

    private static Attempt resumed(FailureKind failure) {
        Attempt.Builder attempt = Attempt.builder("flux", "flux-pro-1.1").resolution(Resolution.ONE_K)
                .resumedJob("job-1").cost(BigDecimal.ZERO);
        return (failure == null ? attempt : attempt.failure(failure, 0).abandonedJob("job-1")).build();
    }

    @Test
    void aSubmittedProviderJobIsKeptWithTheRunningJobUntilItSucceeds() {
        String id = queued();
        List<ProviderJob> keptWhileGenerating = new ArrayList<>();
        generator.submits = FLUX_JOB;
        generator.whileGenerating = () -> keptWhileGenerating.add(kept(id));

        assertThat(runner.run(id)).isEmpty();

        assertThat(keptWhileGenerating).containsExactly(FLUX_JOB);
        assertThat(keptWhileGenerating.get(0).handle().value()).isEqualTo(FLUX_JOB.handle().value());
        assertThat(jobs.job(id).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(kept(id)).isNull();
        assertThat(generator.resumed).as("nothing was kept to resume").isEmpty();
    }

    @Test
    void aKeptProviderJobIsFetchedFirstAndTheJobSucceedsWithoutGenerating() {
        String id = runningWith(FLUX_JOB);
        GeneratedImage fetched = new GeneratedImage(ScriptedGenerator.PNG.clone(), "image/png", "flux", "flux-pro-1.1",
                Resolution.ONE_K, false, List.of(resumed(null)));
        generator.resumptions.add(ResumedJob.fetched(fetched));

        assertThat(runner.run(id)).isEmpty();

        assertThat(generator.resumed).singleElement().satisfies(job -> {
            assertThat(job.lane()).isEqualTo("flux");
            assertThat(job.resolution()).isEqualTo(Resolution.ONE_K);
            assertThat(job.handle()).isEqualTo(FLUX_JOB.handle());
        });
        assertThat(generator.chain.chains).as("no generation").isEmpty();
        ImageJob job = jobs.job(id).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.windowsTried()).as("the same window goes on").isEqualTo(1);
        assertThat(kept(id)).isNull();
        assertThat(succeededImage().attempts()).extracting(Attempt::resumedJob).containsExactly("job-1");
    }

    @Test
    void aProviderJobAbandonedOnResumingLeadsTheProvenanceOfTheImageTheChainThenGenerates() {
        String id = runningWith(FLUX_JOB);
        generator.resumptions.add(ResumedJob.notFetched(ResumedJob.Outcome.ABANDONED, resumed(FailureKind.TIMEOUT),
                "still pending"));
        List<ProviderJob> keptWhileGenerating = new ArrayList<>();
        generator.whileGenerating = () -> keptWhileGenerating.add(kept(id));
        generator.chain.then(ImageJobRunnerResumeTest::generated);

        assertThat(runner.run(id)).isEmpty();

        assertThat(keptWhileGenerating).as("forgotten before the chain runs").containsOnlyNulls().hasSize(1);
        assertThat(succeededImage().cost()).as("the abandoned try cost nothing").isEqualByComparingTo("1");
        assertThat(generator.chain.chains).containsExactly("catalogue");
        assertThat(succeededImage().attempts()).extracting(Attempt::provider, Attempt::abandonedJob)
                .containsExactly(tuple("flux", "job-1"),
                        tuple("good", null));
        assertThat(kept(id)).isNull();
    }

    @Test
    void anUnknownProviderJobIsForgottenAndTheJobRunsAsUsual() {
        String id = runningWith(FLUX_JOB);
        generator.resumptions.add(ResumedJob.notFetched(ResumedJob.Outcome.UNKNOWN, null, "Task not found"));
        generator.chain.then(ImageJobRunnerResumeTest::generated);

        assertThat(runner.run(id)).isEmpty();

        assertThat(generator.chain.chains).containsExactly("catalogue");
        assertThat(succeededImage().attempts()).extracting(Attempt::provider).containsExactly("good");
    }

    @Test
    void aJobQueuedAgainForgetsItsProviderJob() {
        String id = queued();
        generator.submits = FLUX_JOB;
        generator.chain.thenThrow(new GenerationUnavailableException("catalogue", "overloaded", List.of(),
                Duration.ZERO));

        assertThat(runner.run(id)).isPresent();

        assertThat(jobs.job(id).orElseThrow().state()).isEqualTo(JobState.QUEUED);
        assertThat(kept(id)).isNull();
    }

    @Test
    void aRunStoppedWithItsInstanceLeavesTheJobRunningWithItsProviderJobToGoOnAfterARestart() {
        String id = queued();
        generator.submits = FLUX_JOB;
        generator.whileGenerating = () -> Thread.currentThread().interrupt();
        generator.chain.thenThrow(new GenerationUnavailableException("catalogue", "the calling thread was interrupted",
                List.of(), Duration.ZERO));

        Optional<Instant> again = runner.run(id);

        assertThat(Thread.interrupted()).as("the interrupt is kept for the scheduler").isTrue();
        assertThat(again).as("at once, on whichever instance picks it").contains(IN_WINDOW);
        ImageJob job = jobs.job(id).orElseThrow();
        assertThat(job.state()).isEqualTo(JobState.RUNNING);
        assertThat(job.windowsTried()).isEqualTo(1);
        assertThat(kept(id)).isEqualTo(FLUX_JOB);
        assertThat(events).isEmpty();
    }

    @Test
    void theHandlesValueStaysOutOfTheProviderJobsText() {
        assertThat(FLUX_JOB.toString()).contains("flux", "job-1").doesNotContain("secret").doesNotContain("bfl.ai");
    }

    /**
     * The engine as the runner sees it: generations come from a {@link ScriptedGenerator}, telling {@link #submits}
     * (if set) as a provider's attempt would; resumptions come from a script.
     */
    static final class ResumingGenerator implements ImageGenerator, QueuedGenerator {

        final ScriptedGenerator chain = new ScriptedGenerator();
        final Deque<ResumedJob> resumptions = new ArrayDeque<>();
        final List<ProviderJob> resumed = new ArrayList<>();
        ProviderJob submits;
        Runnable whileGenerating = () -> {
        };

        @Override
        public GeneratedImage generate(String name, ImageRequest request, Consumer<ProviderJob> submitted) {
            if (submits != null) {
                submitted.accept(submits);
            }
            whileGenerating.run();
            return chain.generate(name, request);
        }

        @Override
        public ResumedJob resume(String name, ImageRequest request, ProviderJob job) {
            resumed.add(job);
            return resumptions.remove();
        }

        @Override
        public GeneratedImage generate(String name, ImageRequest request) {
            throw new UnsupportedOperationException("the runner asks the engine with its submissions");
        }

        @Override
        public GeneratedImage generate(ImageRequest request) {
            return chain.generate(request);
        }

        @Override
        public CompletableFuture<GeneratedImage> generateAsync(ImageRequest request) {
            return chain.generateAsync(request);
        }

        @Override
        public CompletableFuture<GeneratedImage> generateAsync(String name, ImageRequest request) {
            return chain.generateAsync(name, request);
        }

        @Override
        public ImageJob submit(ImageRequest request) {
            return chain.submit(request);
        }

        @Override
        public ImageJob submit(String name, ImageRequest request) {
            return chain.submit(name, request);
        }

        @Override
        public Optional<ImageJob> job(String id) {
            return chain.job(id);
        }
    }
}
