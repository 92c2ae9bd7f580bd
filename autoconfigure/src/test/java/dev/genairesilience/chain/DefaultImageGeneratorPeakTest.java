package dev.genairesilience.chain;

import static dev.genairesilience.Resolution.FOUR_K;
import static dev.genairesilience.Resolution.ONE_K;
import static dev.genairesilience.Resolution.TWO_K;
import static dev.genairesilience.chain.FakeProvider.serving;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageJobQueue;
import dev.genairesilience.ImageOrJob;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.JobState;
import dev.genairesilience.Resolution;
import dev.genairesilience.schedule.DailyWindow;
import dev.genairesilience.schedule.PeakHours;
import dev.genairesilience.schedule.PeakSchedule;
import dev.genairesilience.spi.ImageProvider;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A chain's peak settings apply exactly while a peak window is on, read on the engine's clock: the edges of a
 * window, one crossing midnight, and the daylight-saving changes of 2026 in Los Angeles.
 */
class DefaultImageGeneratorPeakTest {

    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private final Engine engine = new Engine();
    private final List<String> calls = new ArrayList<>();
    private final Map<String, ImageProvider> providers = new LinkedHashMap<>();
    private final RecordingQueue queue = new RecordingQueue();

    /** Chain "shots": pro at 4K, degrading to 2K and 1K; during a peak flash first, at 2K; deferrable jobs wait. */
    private DefaultImageGenerator generator(ImageJobQueue jobs, String... peakWindows) {
        providers.put("pro", new FakeProvider("pro", serving(EnumSet.allOf(Resolution.class)), calls));
        providers.put("flash", new FakeProvider("flash", serving(EnumSet.of(ONE_K, TWO_K)), calls));
        ChainDefinition shots = ChainDefinition.builder("shots").providers(List.of("pro")).resolution(FOUR_K)
                .degrade(List.of(TWO_K, ONE_K)).aspectRatio("1:1").deadline(Duration.ofSeconds(60))
                .peak(PeakOverrides.none().resolution(TWO_K).providers(List.of("flash", "pro")).defer(true)).build();
        PeakHours hours = PeakHours.of(List.of(peakWindows).stream().map(w -> DailyWindow.parse(w, PACIFIC)).toList());
        return DefaultImageGenerator.builder(Map.of("shots", shots), providers, engine.executor, Runnable::run)
                .jobs(() -> jobs).peak(new PeakSchedule(hours, engine.clock)).build();
    }

    private String firstCallAt(DefaultImageGenerator generator, Instant instant) {
        engine.clock.set(instant);
        calls.clear();
        generator.generate(ImageRequest.of("a lighthouse"));
        return calls.get(0);
    }

    @Test
    void theChainSwitchesToItsPeakProvidersAndResolutionAtTheWindowsStartAndBackAtItsEnd() {
        // 2026-06-10 is in PDT (UTC-7): 09:00-11:00 is 16:00Z-18:00Z
        DefaultImageGenerator generator = generator(queue, "09:00-11:00");

        assertThat(firstCallAt(generator, Instant.parse("2026-06-10T15:59:59Z"))).isEqualTo("pro@4K");
        assertThat(firstCallAt(generator, Instant.parse("2026-06-10T16:00:00Z"))).isEqualTo("flash@2K");
        assertThat(firstCallAt(generator, Instant.parse("2026-06-10T17:59:59Z"))).isEqualTo("flash@2K");
        assertThat(firstCallAt(generator, Instant.parse("2026-06-10T18:00:00Z"))).isEqualTo("pro@4K");
    }

    @Test
    void aPeakImageAtThePeakResolutionIsWhatTheChainAskedAndARequestsOwnResolutionIsKept() {
        DefaultImageGenerator generator = generator(queue, "09:00-11:00");
        engine.clock.set(Instant.parse("2026-06-10T16:30:00Z"));

        GeneratedImage image = generator.generate(ImageRequest.of("a lighthouse"));
        assertThat(image.provider()).isEqualTo("flash");
        assertThat(image.resolution()).isEqualTo(TWO_K);
        assertThat(image.degraded()).isFalse();

        calls.clear();
        generator.generate(ImageRequest.builder("a lighthouse").resolution(ONE_K).build());
        assertThat(calls).containsExactly("flash@1K");
    }

    @Test
    void aWindowCrossingMidnightSwitchesOnBeforeMidnightAndOffTheNextMorning() {
        // 2026-01-15 is in PST (UTC-8): 22:00-02:00 is 06:00Z-10:00Z
        DefaultImageGenerator generator = generator(queue, "22:00-02:00");

        assertThat(firstCallAt(generator, Instant.parse("2026-01-15T05:59:59Z"))).isEqualTo("pro@4K");
        assertThat(firstCallAt(generator, Instant.parse("2026-01-15T06:00:00Z"))).isEqualTo("flash@2K");
        assertThat(firstCallAt(generator, Instant.parse("2026-01-15T08:00:00Z"))).as("midnight")
                .isEqualTo("flash@2K");
        assertThat(firstCallAt(generator, Instant.parse("2026-01-15T09:59:59Z"))).isEqualTo("flash@2K");
        assertThat(firstCallAt(generator, Instant.parse("2026-01-15T10:00:00Z"))).isEqualTo("pro@4K");
    }

    @Test
    void onTheSpringForwardDayTheWindowsStartAnHourEarlierInUtc() {
        // 09:00 PST on 2026-03-07 is 17:00Z; clocks spring forward that night, so 09:00 PDT on 03-08 is 16:00Z
        DefaultImageGenerator generator = generator(queue, "09:00-11:00");

        assertThat(firstCallAt(generator, Instant.parse("2026-03-07T16:30:00Z"))).isEqualTo("pro@4K");
        assertThat(firstCallAt(generator, Instant.parse("2026-03-07T17:00:00Z"))).isEqualTo("flash@2K");
        assertThat(firstCallAt(generator, Instant.parse("2026-03-08T15:59:59Z"))).isEqualTo("pro@4K");
        assertThat(firstCallAt(generator, Instant.parse("2026-03-08T16:00:00Z"))).isEqualTo("flash@2K");
        assertThat(firstCallAt(generator, Instant.parse("2026-03-08T18:00:00Z"))).isEqualTo("pro@4K");
    }

    @Test
    void onTheFallBackNightAPeakOverTheRepeatedHourLastsThreeHours() {
        // 01:00 PDT on 2026-11-01 is 08:00Z; 02:00 PDT becomes 01:00 PST; 03:00 PST is 11:00Z
        DefaultImageGenerator generator = generator(queue, "01:00-03:00");

        assertThat(firstCallAt(generator, Instant.parse("2026-11-01T07:59:59Z"))).isEqualTo("pro@4K");
        assertThat(firstCallAt(generator, Instant.parse("2026-11-01T08:00:00Z"))).isEqualTo("flash@2K");
        assertThat(firstCallAt(generator, Instant.parse("2026-11-01T10:59:59Z"))).isEqualTo("flash@2K");
        assertThat(firstCallAt(generator, Instant.parse("2026-11-01T11:00:00Z"))).isEqualTo("pro@4K");
    }

    @Test
    void duringAPeakADeferrableRequestBecomesAQueuedJobWithoutACall() {
        DefaultImageGenerator generator = generator(queue, "09:00-11:00");
        engine.clock.set(Instant.parse("2026-06-10T16:30:00Z"));
        ImageRequest request = ImageRequest.builder("a lighthouse").deferrable(true).build();

        ImageOrJob result = generator.generateOrDefer("shots", request);

        assertThat(result.queued()).isTrue();
        assertThat(result.job()).hasValueSatisfying(job -> assertThat(job.chain()).isEqualTo("shots"));
        assertThat(queue.requests).containsExactly(request);
        assertThat(calls).isEmpty();
    }

    @Test
    void aRequestIsGeneratedNowWhenItIsNotDeferrableNoPeakIsOnOrTheCallerWaitsForBytes() {
        DefaultImageGenerator generator = generator(queue, "09:00-11:00");
        ImageRequest deferrable = ImageRequest.builder("a lighthouse").deferrable(true).build();

        engine.clock.set(Instant.parse("2026-06-10T16:30:00Z"));
        assertThat(generator.generateOrDefer("shots", ImageRequest.of("a lighthouse")).image())
                .hasValueSatisfying(image -> assertThat(image.provider()).isEqualTo("flash"));
        assertThat(generator.generate("shots", deferrable).provider()).as("generate waits for bytes")
                .isEqualTo("flash");
        engine.clock.set(Instant.parse("2026-06-10T18:00:00Z"));
        assertThat(generator.generateOrDefer("shots", deferrable).image())
                .hasValueSatisfying(image -> assertThat(image.provider()).isEqualTo("pro"));

        assertThat(queue.requests).isEmpty();
    }

    @Test
    void withoutAQueueADeferrableRequestDuringAPeakIsGeneratedNow() {
        DefaultImageGenerator generator = generator(null, "09:00-11:00");
        engine.clock.set(Instant.parse("2026-06-10T16:30:00Z"));

        ImageOrJob result = generator.generateOrDefer("shots",
                ImageRequest.builder("a lighthouse").deferrable(true).build());

        assertThat(result.queued()).isFalse();
        assertThat(result.image()).hasValueSatisfying(image -> assertThat(image.resolution()).isEqualTo(TWO_K));
    }

    @Test
    void anInvalidDeferrableRequestIsRejectedAndNeverQueued() {
        DefaultImageGenerator generator = generator(queue, "09:00-11:00");
        engine.clock.set(Instant.parse("2026-06-10T16:30:00Z"));

        assertThatThrownBy(() -> generator.generateOrDefer("shots",
                ImageRequest.builder("").deferrable(true).build()))
                .isInstanceOfSatisfying(GenerationRejectedException.class,
                        rejected -> assertThat(rejected.field()).isEqualTo("prompt"));
        assertThat(queue.requests).isEmpty();
    }

    @Test
    void submittedWorkIsCheckedAgainstTheChainAsConfiguredBecauseItRunsOffPeak() {
        DefaultImageGenerator generator = generator(queue, "09:00-11:00");
        engine.clock.set(Instant.parse("2026-06-10T16:30:00Z"));

        // 4K is beyond flash, but the job runs off-peak on pro
        ImageJob job = generator.submit("shots", ImageRequest.builder("a lighthouse").resolution(FOUR_K).build());

        assertThat(job.state()).isEqualTo(JobState.QUEUED);
    }

    /** Records what it is asked to queue. */
    private static final class RecordingQueue implements ImageJobQueue {

        final List<ImageRequest> requests = new ArrayList<>();

        @Override
        public ImageJob enqueue(String chain, ImageRequest request) {
            requests.add(request);
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            return new ImageJob("job-" + requests.size(), JobState.QUEUED, chain, now, 0, null, now, now);
        }

        @Override
        public Optional<ImageJob> find(String id) {
            return Optional.empty();
        }
    }
}
