package dev.genairesilience.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.JobState;
import dev.genairesilience.batch.worker.BatchWorkerApplication;
import dev.genairesilience.testkit.ModelBehaviour;
import dev.genairesilience.testkit.ProviderEmulator;
import dev.genairesilience.testkit.RecordedCall;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances drain one off-peak queue on a real PostgreSQL with {@code genai.shared-state.store=jdbc}: the queue's
 * {@code concurrency} and {@code rate} are the whole queue's, not each instance's.
 */
class SharedQueueLimitsOnPostgresTest {

    private static final int JOBS = 8;
    private static final Duration CALL = Duration.ofMillis(300);

    private static EmbeddedPostgres postgres;

    @TempDir
    Path images;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void aConcurrencyOfOneIsOneJobAtATimeAcrossBothInstances() throws Exception {
        List<RecordedCall> calls = drain("--genai.batch.concurrency=1", "--genai.batch.rate=100");

        for (int i = 1; i < calls.size(); i++) {
            Duration gap = Duration.between(calls.get(i - 1).receivedAt(), calls.get(i).receivedAt());
            assertThat(gap).as("between call %d and %d, each taking %s", i, i + 1, CALL)
                    .isGreaterThanOrEqualTo(CALL.minusMillis(30));
        }
    }

    @Test
    void aRateOfTwoPerSecondIsTheQueuesAcrossBothInstances() throws Exception {
        List<RecordedCall> calls = drain("--genai.batch.concurrency=4", "--genai.batch.rate=2");

        for (int i = 1; i < calls.size(); i++) {
            Duration gap = Duration.between(calls.get(i - 1).receivedAt(), calls.get(i).receivedAt());
            assertThat(gap).as("between job start %d and %d at 2 per second", i, i + 1)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(450));
        }
    }

    /** Submits {@link #JOBS} jobs through both instances and waits until all have succeeded; the calls, in order. */
    private List<RecordedCall> drain(String... limits) throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.start()) {
            ModelBehaviour model = emulator.model(BatchWorkerApplication.MODEL).latency(CALL);
            String url = postgres.getJdbcUrl("postgres", "postgres");
            List<ConfigurableApplicationContext> instances = new ArrayList<>();
            try {
                instances.add(instance("first", url, emulator, limits));
                instances.add(instance("second", url, emulator, limits));
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < JOBS; i++) {
                    ids.add(instances.get(i % 2).getBean(ImageGenerator.class)
                            .submit("catalogue", ImageRequest.of("shot " + i)).id());
                }
                ImageGenerator generator = instances.get(0).getBean(ImageGenerator.class);
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> ids.stream()
                        .allMatch(id -> generator.job(id).orElseThrow().state() == JobState.SUCCEEDED));
                assertThat(model.recordedCalls()).hasSize(JOBS);
                return model.recordedCalls();
            } finally {
                instances.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    private ConfigurableApplicationContext instance(String name, String url, ProviderEmulator emulator,
            String... limits) {
        List<String> arguments = new ArrayList<>(BatchWorkerApplication.arguments(emulator.baseUrl(), images, url,
                "--spring.datasource.username=postgres", "--spring.application.name=shared-queue",
                "--genai.shared-state.store=jdbc", "--genai.shared-state.initialize-schema=always"));
        arguments.addAll(List.of(limits));
        return new SpringApplicationBuilder(BatchWorkerApplication.class).web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }
}
