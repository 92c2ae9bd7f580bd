package dev.genairesilience.it.memory;

import static dev.genairesilience.it.memory.BoundedReadsApplication.HEALTHY_MODEL;
import static dev.genairesilience.it.memory.BoundedReadsApplication.HUGE_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genairesilience.testkit.ModelBehaviour;
import dev.genairesilience.testkit.ProviderEmulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of {@code genai.http.max-response-size}: an application with a 256 MB heap, whose first
 * provider answers 300 MB, half the time saying so in {@code Content-Length} and half the time chunked. Before the
 * cap, one such answer filled its heap.
 */
class OversizedAnswersInASmallHeapTest {

    private static final int REQUESTS = 20;
    private static final int ANSWER_MEGABYTES = 300;
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void answersOf300MegabytesNeverFillA256MegabyteHeapAndTheHealthyProviderServesEveryRequest() throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.start()) {
            ModelBehaviour huge = emulator.model(HUGE_MODEL);
            long startedAt = System.nanoTime();
            try (BoundedReadsProcess app = BoundedReadsProcess.start(BoundedReadsApplication.arguments(
                    emulator.baseUrl()), dir.resolve("app.log"), Duration.ofSeconds(45))) {
                long upAt = System.nanoTime();
                JsonNode before = app.heap();

                for (int i = 0; i < REQUESTS; i++) {
                    boolean withContentLength = i % 2 == 0;
                    huge.oversizedAnswer(ANSWER_MEGABYTES, withContentLength);
                    JsonNode served = app.generate("a lighthouse in fog, take " + i);

                    assertThat(served.path("provider").asText()).as("request %d (Content-Length: %s): %s", i,
                            withContentLength, served).isEqualTo("healthy");
                    assertThat(served.path("attempts").toString()).contains("huge/1K:MALFORMED(200)");
                    assertThat(app.health().statusCode()).as("health after request %d", i).isEqualTo(200);
                }
                long requestsDoneAt = System.nanoTime();
                JsonNode after = app.heap();
                String health = app.health().body();
                awaitEveryAnswerAbandoned(huge);

                System.out.printf("%s: app %s up in %d ms; %d requests (%d MB answers, half with Content-Length) "
                        + "in %d ms; huge called %d times, %d MB of its answers sent, every connection closed by "
                        + "the app; heap after full GC before %d MB, after %d MB (max %d MB, sum of pool peaks "
                        + "%d MB); health %s%n", getClass().getSimpleName(), BoundedReadsProcess.MAX_HEAP,
                        millis(startedAt, upAt), REQUESTS, ANSWER_MEGABYTES, millis(upAt, requestsDoneAt),
                        huge.calls(), huge.bodyBytesSent() / MIB, mb(before, "used"), mb(after, "used"),
                        mb(after, "max"), mb(after, "peak"), health);

                assertThat(app.isAlive()).as("the application is alive; its log:%n%s", app.log()).isTrue();
                assertThat(after.path("used").asLong() - before.path("used").asLong())
                        .as("heap growth after full GC").isLessThan(64 * MIB);
                assertThat(huge.calls()).isGreaterThanOrEqualTo(REQUESTS);
                assertThat(emulator.model(HEALTHY_MODEL).successes()).isEqualTo(REQUESTS);
            }
        }
    }

    /** Each of huge's answers ended with the application closing its connection, none stuck half-read. */
    private static void awaitEveryAnswerAbandoned(ModelBehaviour huge) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (huge.abandonedAnswers() < huge.calls() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(huge.abandonedAnswers()).isEqualTo(huge.calls());
    }

    private static long millis(long fromNanos, long toNanos) {
        return Duration.ofNanos(toNanos - fromNanos).toMillis();
    }

    private static long mb(JsonNode heap, String field) {
        return heap.path(field).asLong() / MIB;
    }
}
