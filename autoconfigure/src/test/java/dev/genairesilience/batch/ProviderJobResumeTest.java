package dev.genairesilience.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genairesilience.Attempt;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.batch.worker.BatchWorkerApplication;
import dev.genairesilience.testkit.ModelBehaviour;
import dev.genairesilience.testkit.ProviderEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Acceptance over real HTTP: a queued job whose asynchronous provider accepted it while its instance stopped is
 * fetched by the next instance on the same database, with the one submission; a job the API forgot in between is
 * generated again; a synchronous provider's job keeps nothing. The first instance is stopped while it polls a job the
 * emulator holds pending; its scheduler interrupts the run, which leaves the job's row as it is.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProviderJobResumeTest {

    private static final String KEY = "resume-test-key-5d1e";

    @TempDir
    Path images;

    private ProviderEmulator emulator;
    private String database;
    private final List<ImageJobSucceededEvent> succeeded = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        emulator = ProviderEmulator.start();
        database = "jdbc:h2:mem:resume-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @ParameterizedTest(name = "{0}: fetched after the restart, one submission")
    @CsvSource({"bfl, flux-pro-1.1", "replicate, black-forest-labs/flux-schnell", "fal, fal-ai/flux/dev"})
    void aJobSubmittedBeforeTheInstanceStoppedIsFetchedByTheNextOneWithoutASecondSubmission(String type,
            String modelId, CapturedOutput output) throws Exception {
        ModelBehaviour model = emulator.model(modelId).expectApiKey(KEY).holdJobs(true);
        String id;
        String handle;
        try (ConfigurableApplicationContext first = instance(type, modelId)) {
            id = submit(first);
            handle = awaitPolledWithItsProviderJob(first, id, model);
        }
        Map<String, Object> left = row(id);
        assertThat(left.get("state")).as("a stopped instance leaves its job running").isEqualTo("RUNNING");
        assertThat(left.get("provider_job_handle")).isEqualTo(handle);

        model.holdJobs(false);
        try (ConfigurableApplicationContext second = instance(type, modelId)) {
            ImageGenerator generator = second.getBean(ImageGenerator.class);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> generator.job(id).orElseThrow().state().name().equals("SUCCEEDED"));
        }

        assertThat(model.calls()).as("submissions").isEqualTo(1);
        assertThat(row(id).get("provider_job_handle")).as("forgotten once the job ended").isNull();
        assertThat(images.resolve(id + ".png")).exists();
        ImageJobSucceededEvent done = succeeded.stream().filter(e -> e.job().id().equals(id)).findFirst()
                .orElseThrow();
        assertThat(done.image().provider()).isEqualTo("async");
        assertThat(done.image().attempts()).singleElement().satisfies(a -> {
            assertThat(a.succeeded()).isTrue();
            assertThat(a.resumedJob()).isEqualTo(left.get("provider_job_id"));
            assertThat(a.summary()).contains("job " + a.resumedJob() + " resumed");
        });
        assertThat(output.getAll()).doesNotContain(KEY);
        new ObjectMapper().readTree(handle).forEach(url -> assertThat(output.getAll())
                .as("the handle's URLs are never logged").doesNotContain(url.asText()));
    }

    @ParameterizedTest(name = "{0}: a job the API forgot is generated again")
    @CsvSource({"bfl, flux-pro-1.1", "replicate, black-forest-labs/flux-schnell", "fal, fal-ai/flux/dev"})
    void aJobTheApiNoLongerKnowsIsGeneratedAgain(String type, String modelId) {
        ModelBehaviour model = emulator.model(modelId).expectApiKey(KEY).holdJobs(true);
        String id;
        String firstJob;
        try (ConfigurableApplicationContext first = instance(type, modelId)) {
            id = submit(first);
            awaitPolledWithItsProviderJob(first, id, model);
            firstJob = (String) row(id).get("provider_job_id");
        }
        model.forgetJobs().holdJobs(false);
        try (ConfigurableApplicationContext second = instance(type, modelId)) {
            ImageGenerator generator = second.getBean(ImageGenerator.class);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> generator.job(id).orElseThrow().state().name().equals("SUCCEEDED"));
        }

        assertThat(model.calls()).as("submissions: the forgotten one and the new one").isEqualTo(2);
        ImageJobSucceededEvent done = succeeded.stream().filter(e -> e.job().id().equals(id)).findFirst()
                .orElseThrow();
        assertThat(done.image().attempts()).extracting(Attempt::resumedJob).containsOnlyNulls();
        assertThat(done.image().attempts()).extracting(Attempt::succeeded).containsExactly(true);
        assertThat(row(id).get("provider_job_id")).isNull();
        assertThat(firstJob).isNotNull();
    }

    @Test
    void aSynchronousProvidersJobKeepsNoProviderJob() {
        ModelBehaviour gemini = emulator.model(BatchWorkerApplication.MODEL).latency(Duration.ofMillis(600));
        try (ConfigurableApplicationContext instance = instance("bfl", "flux-pro-1.1")) {
            String id = instance.getBean(ImageGenerator.class).submit("catalogue", ImageRequest.of("a shelf")).id();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                    .until(() -> "RUNNING".equals(row(id).get("state")) && gemini.calls() == 1);
            assertThat(row(id).get("provider_job_handle")).isNull();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "SUCCEEDED".equals(row(id).get("state")));
            assertThat(succeeded).singleElement().satisfies(e -> assertThat(e.image().attempts())
                    .extracting(Attempt::resumedJob).containsOnlyNulls());
        }
    }

    /** Waits until the job is polled with its provider job kept; returns the handle kept. */
    private String awaitPolledWithItsProviderJob(ConfigurableApplicationContext instance, String id,
            ModelBehaviour model) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> row(id).get("provider_job_handle") != null && model.polls() >= 2);
        Map<String, Object> running = row(id);
        assertThat(running.get("state")).isEqualTo("RUNNING");
        assertThat(running.get("provider_job_lane")).isEqualTo("async");
        assertThat(running.get("provider_job_resolution")).isEqualTo("1K");
        assertThat(model.calls()).isEqualTo(1);
        return (String) running.get("provider_job_handle");
    }

    private static String submit(ConfigurableApplicationContext instance) {
        return instance.getBean(ImageGenerator.class).submit("async", ImageRequest.of("a lighthouse at dusk")).id();
    }

    private Map<String, Object> row(String id) {
        return new JdbcTemplate(dataSource()).queryForMap("select state, provider_job_lane, provider_job_resolution,"
                + " provider_job_id, provider_job_handle from genai_image_jobs where id = ?", id);
    }

    private DataSource dataSource() {
        return new SimpleDriverDataSource(new org.h2.Driver(), database, "sa", "");
    }

    /** A worker with chain {@code async} over provider {@code async} of {@code type}, on the test's database. */
    private ConfigurableApplicationContext instance(String type, String modelId) {
        return new SpringApplicationBuilder(BatchWorkerApplication.class).web(WebApplicationType.NONE)
                .listeners((ApplicationListener<ApplicationEvent>) this::collect)
                .run(BatchWorkerApplication.arguments(emulator.baseUrl(), images, database,
                        "--genai.providers.async.type=" + type,
                        "--genai.providers.async.model=" + modelId,
                        "--genai.providers.async.api-key=" + KEY,
                        "--genai.providers.async.base-url=" + emulator.baseUrl(),
                        "--genai.providers.async.timeout=15s",
                        "--genai.chains.async.providers=async",
                        "--genai.chains.async.resolution=1K",
                        "--genai.chains.async.deadline=20s").toArray(String[]::new));
    }

    private void collect(ApplicationEvent event) {
        if (event instanceof PayloadApplicationEvent<?> payload
                && payload.getPayload() instanceof ImageJobSucceededEvent done) {
            succeeded.add(done);
        }
    }
}
