package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageOrJob;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.JobState;
import dev.genairesilience.Resolution;
import dev.genairesilience.autoconfigure.GenAiBatchAutoConfiguration;
import dev.genairesilience.testkit.RecordedCall;
import dev.genairesilience.testsupport.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Peak hours over real HTTP, on a test clock: during the Gemini windows (09:00-11:00, 13:00-15:00, 18:00-22:00
 * Pacific) chain {@code main} asks flash at 1K instead of pro at 4K, a deferrable request becomes a queued job, and
 * the off-peak queue runs nothing until the peak is over.
 */
class PeakHoursOverHttpTest extends EmulatedProvidersTest {

    // 2024-06-10 is in PDT (UTC-7): 09:00-11:00 Pacific is 16:00Z-18:00Z. In the past, so that the queue's
    // db-scheduler, which reads the real clock, finds every job due at once and the test clock alone decides.
    private static final Instant BEFORE_PEAK = Instant.parse("2024-06-10T15:59:59Z");
    private static final Instant PEAK_START = Instant.parse("2024-06-10T16:00:00Z");
    private static final Instant IN_PEAK = Instant.parse("2024-06-10T16:30:00Z");
    private static final Instant PEAK_END = Instant.parse("2024-06-10T18:00:00Z");

    @TempDir
    Path images;

    private final MutableClock clock = new MutableClock(IN_PEAK);

    private List<String> peakChain(String... more) {
        return with(geminiPair(), with(List.of("genai.chains.main.providers=pro", "genai.chains.main.resolution=4K",
                "genai.chains.main.degrade=2K,1K", "genai.chains.main.peak.providers=flash",
                "genai.chains.main.peak.resolution=1K", "genai.chains.main.peak.defer=true",
                "genai.peak.windows=09:00-11:00,13:00-15:00,18:00-22:00", "genai.peak.zone=America/Los_Angeles"),
                more).toArray(String[]::new));
    }

    private ApplicationContextRunner engine() {
        return new ApplicationContextRunner().withBean("genAiClock", Clock.class, () -> clock)
                .withBean(CircuitBreakerRegistry.class, EmulatedProvidersTest::breakersThatNeverOpen);
    }

    private ApplicationContextRunner withQueue() {
        return engine().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                GenAiBatchAutoConfiguration.class));
    }

    private List<String> queueSettings(String... more) {
        return with(peakChain("spring.datasource.url=jdbc:h2:mem:peak-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "genai.batch.window=always", "genai.batch.store-directory=" + images,
                "genai.batch.poll-interval=100ms", "genai.batch.rate=50"), more);
    }

    @Test
    void atThePeaksStartTheChainAsksItsPeakProviderAtItsPeakResolutionAndAfterItsEndItsOwn() {
        run(engine(), peakChain(), context -> {
            ImageGenerator generator = generator(context);

            clock.set(BEFORE_PEAK);
            GeneratedImage before = generator.generate(ImageRequest.of("a lighthouse at dusk"));
            clock.set(PEAK_START);
            GeneratedImage during = generator.generate(ImageRequest.of("a lighthouse at dusk"));
            clock.set(PEAK_END);
            GeneratedImage after = generator.generate(ImageRequest.of("a lighthouse at dusk"));

            assertThat(before.provider()).isEqualTo("pro");
            assertThat(before.resolution()).isEqualTo(Resolution.FOUR_K);
            assertThat(during.provider()).isEqualTo("flash");
            assertThat(during.resolution()).isEqualTo(Resolution.ONE_K);
            assertThat(during.degraded()).as("1K is what the chain asks during a peak").isFalse();
            assertThat(after.provider()).isEqualTo("pro");
            assertThat(emulator().model(PRO).recordedCalls()).extracting(RecordedCall::body)
                    .satisfiesExactly(b -> assertThat(b).contains("\"4K\""), b -> assertThat(b).contains("\"4K\""));
            assertThat(emulator().model(FLASH).calls()).isEqualTo(1);
        });
    }

    @Test
    void aWindowAcrossMidnightSwitchesAtItsEdgesOnTheNightDaylightSavingTimeEnds() {
        // 2026-11-01: at 02:00 PDT the clocks go back to 01:00 PST, so 01:30 comes twice; 22:00-02:00 Pacific is
        // 05:00Z-10:00Z that night, five hours of real time
        List<String> night = with(geminiPair(), "genai.chains.main.providers=pro", "genai.chains.main.resolution=4K",
                "genai.chains.main.degrade=2K,1K", "genai.chains.main.peak.providers=flash",
                "genai.chains.main.peak.resolution=1K", "genai.peak.windows=22:00-02:00",
                "genai.peak.zone=America/Los_Angeles");
        run(engine(), night, context -> {
            ImageGenerator generator = generator(context);
            List<String> served = new ArrayList<>();
            for (String at : List.of("2026-11-01T04:59:59Z", "2026-11-01T05:00:00Z", "2026-11-01T07:00:00Z",
                    "2026-11-01T08:30:00Z", "2026-11-01T09:30:00Z", "2026-11-01T09:59:59Z",
                    "2026-11-01T10:00:00Z")) {
                clock.set(Instant.parse(at));
                served.add(generator.generate(ImageRequest.of("a lighthouse at night")).provider());
            }

            assertThat(served).as("21:59 PDT, 22:00 PDT, midnight PDT, 01:30 PDT, 01:30 PST, 01:59 PST, 02:00 PST")
                    .containsExactly("pro", "flash", "flash", "flash", "flash", "flash", "pro");
        });
    }

    @Test
    void duringAPeakADeferrableRequestBecomesAJobDueAtThePeaksEndAndNoProviderIsCalled() {
        run(withQueue(), queueSettings("genai.batch.auto-startup=false"), context -> {
            ImageGenerator generator = generator(context);
            ImageRequest deferrable = ImageRequest.builder("a lighthouse at dusk").deferrable(true).build();

            ImageOrJob result = generator.generateOrDefer("main", deferrable);

            assertThat(result.queued()).isTrue();
            ImageJob job = result.job().orElseThrow();
            assertThat(job.state()).isEqualTo(JobState.QUEUED);
            assertThat(job.chain()).isEqualTo("main");
            assertThat(scheduledAt(context, job.id())).isEqualTo(PEAK_END);
            assertThat(emulator().model(PRO).calls() + emulator().model(FLASH).calls()).isZero();

            ImageOrJob now = generator.generateOrDefer("main", ImageRequest.of("a lighthouse at dusk"));
            assertThat(now.image()).hasValueSatisfying(image -> assertThat(image.provider()).isEqualTo("flash"));
        });
    }

    @Test
    void theQueueRunsNoJobDuringAPeakAndRunsItOnceThePeakIsOver() {
        run(withQueue(), queueSettings(), context -> {
            ImageJob job = generator(context).submit("main", ImageRequest.of("a lighthouse at dusk"));
            // the job is due (in real time) and picked again at every poll: each time the runner finds a peak on,
            // it puts the job back, stamped with the test clock
            clock.set(IN_PEAK.plusSeconds(60));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> generator(context).job(job.id()).orElseThrow().updatedAt().equals(clock.instant()));

            assertThat(generator(context).job(job.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
            assertThat(emulator().model(PRO).calls() + emulator().model(FLASH).calls()).isZero();

            clock.set(PEAK_END);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> generator(context).job(job.id()).orElseThrow().state() == JobState.SUCCEEDED);
            assertThat(emulator().model(PRO).calls()).as("off-peak, on the chain's own provider").isEqualTo(1);
            assertThat(emulator().model(FLASH).calls()).isZero();
        });
    }

    private static Instant scheduledAt(AssertableApplicationContext context, String id) {
        return new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
                "select execution_time from genai_scheduled_tasks where task_instance = ?", OffsetDateTime.class, id)
                .toInstant();
    }
}
