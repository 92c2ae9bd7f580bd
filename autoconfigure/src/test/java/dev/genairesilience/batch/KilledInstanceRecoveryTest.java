package dev.genairesilience.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.genairesilience.batch.worker.BatchWorkerApplication;
import dev.genairesilience.batch.worker.WorkerProcess;
import dev.genairesilience.testkit.ProviderEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: a submitted job is never lost. The application runs in a JVM of its own on a file-based H2
 * database; it is killed with SIGKILL while jobs are running, started again on the same database, and every job
 * ends {@code SUCCEEDED} with exactly one stored image.
 */
class KilledInstanceRecoveryTest {

    private static final int JOBS = 12;
    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    @Test
    void jobsRunningWhenTheInstanceIsKilledAreRunAgainAfterARestartAndEachLeavesExactlyOneImage()
            throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.start()) {
            emulator.model(BatchWorkerApplication.MODEL).latency(Duration.ofMillis(1500));
            Path images = directory.resolve("images");
            List<String> arguments = BatchWorkerApplication.arguments(emulator.baseUrl(), images,
                    "jdbc:h2:file:" + directory.resolve("jobs") + ";WRITE_DELAY=0",
                    "--genai.batch.concurrency=3", "--genai.batch.rate=20");
            Path log = directory.resolve("worker.log");

            List<String> ids = new ArrayList<>();
            Map<String, String> atKill = new HashMap<>();
            try (WorkerProcess first = WorkerProcess.start(arguments, log, START)) {
                for (int i = 0; i < JOBS; i++) {
                    ids.add(first.submit("catalogue shot " + i));
                }
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    for (String id : ids) {
                        atKill.put(id, first.state(id));
                    }
                    return atKill.containsValue("RUNNING");
                });
                first.kill();
            }
            assertThat(atKill.values()).as("states when the instance was killed").contains("RUNNING");
            assertThat(atKill.values()).as("states when the instance was killed").doesNotContain("FAILED");

            try (WorkerProcess second = WorkerProcess.start(arguments, log, START)) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    for (String id : ids) {
                        assertThat(second.state(id)).as("job %s", id).isEqualTo("SUCCEEDED");
                    }
                });
            }

            try (Stream<Path> files = Files.list(images)) {
                List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
                assertThat(names).containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> id + ".png").toList());
            }
            assertThat(emulator.model(BatchWorkerApplication.MODEL).successes()).isGreaterThanOrEqualTo(JOBS);
        }
    }
}
