package dev.genairesilience.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.Resolution;
import dev.genairesilience.batch.ProviderJob;
import dev.genairesilience.batch.ResumedJob;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.JobHandle;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine's side of a queued job's provider jobs: each submission is told with the lane and resolution of the
 * attempt, and a kept job is resumed with the very key that submitted it, its image degraded as the chain says.
 */
class DefaultImageGeneratorResumeTest {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
    private static final JobHandle HANDLE = JobHandle.of("job-7", "{\"polling_url\":\"https://api.bfl.ai/x\"}");

    private final Engine engine = new Engine();
    private final Map<String, ImageProvider> providers = new LinkedHashMap<>();

    /** An asynchronous provider: tells each call's submissions of a job, and resumes a handle it is given. */
    private static final class Async implements ImageProvider {

        private final String id;
        final List<JobHandle> resumed = new ArrayList<>();
        final List<Duration> timeouts = new ArrayList<>();

        Async(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String model() {
            return id + "-model";
        }

        @Override
        public ProviderCapabilities capabilities() {
            return new ProviderCapabilities(EnumSet.allOf(Resolution.class), Set.of(), false);
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(30);
        }

        @Override
        public ProviderImage generate(GenerationCall call) {
            call.submissions().submitted(HANDLE);
            return new ProviderImage(PNG.clone(), "image/png");
        }

        @Override
        public boolean resumes() {
            return true;
        }

        @Override
        public ProviderImage resume(JobHandle handle, Duration timeout) {
            resumed.add(handle);
            timeouts.add(timeout);
            return new ProviderImage(PNG.clone(), "image/png");
        }
    }

    private DefaultImageGenerator generator(List<String> order) {
        ChainDefinition chain = ChainDefinition.builder("main").providers(order).resolution(Resolution.TWO_K)
                .degrade(List.of(Resolution.ONE_K)).aspectRatio("1:1").deadline(Duration.ofSeconds(20)).build();
        return DefaultImageGenerator.builder(Map.of("main", chain), providers, engine.executor, Runnable::run)
                .build();
    }

    @Test
    void eachSubmissionIsToldWithTheLaneAndResolutionOfItsAttempt() {
        Async first = new Async("flux");
        Async second = new Async("flux");
        providers.put("flux", new KeyedImageProvider(List.of(first, second)));
        List<ProviderJob> told = new ArrayList<>();

        generator(List.of("flux")).generate("main", ImageRequest.of("a kite"), told::add);

        assertThat(told).singleElement().satisfies(job -> {
            assertThat(job.lane()).matches("flux#[12]");
            assertThat(job.resolution()).isEqualTo(Resolution.TWO_K);
            assertThat(job.handle()).isEqualTo(HANDLE);
        });
    }

    @Test
    void aKeptJobIsResumedWithTheKeyThatSubmittedItWithinTheTimeTheDeadlineLeaves() {
        Async first = new Async("flux");
        Async second = new Async("flux");
        providers.put("flux", new KeyedImageProvider(List.of(first, second)));

        ResumedJob resumed = generator(List.of("flux")).resume("main", ImageRequest.of("a kite"),
                new ProviderJob("flux#2", Resolution.TWO_K, HANDLE));

        assertThat(resumed.outcome()).isEqualTo(ResumedJob.Outcome.DELIVERED);
        assertThat(first.resumed).isEmpty();
        assertThat(second.resumed).containsExactly(HANDLE);
        assertThat(second.timeouts).as("the provider's 30 s, cut to the chain's 20 s deadline")
                .containsExactly(Duration.ofSeconds(20));
        GeneratedImage image = resumed.image();
        assertThat(image.provider()).isEqualTo("flux");
        assertThat(image.resolution()).isEqualTo(Resolution.TWO_K);
        assertThat(image.degraded()).isFalse();
        assertThat(image.attempts()).singleElement().satisfies(a -> assertThat(a.resumedJob()).isEqualTo("job-7"));
    }

    @Test
    void aJobOfALaterStepIsDegradedAsTheChainSays() {
        providers.put("pro", new Async("pro"));
        providers.put("flux", new Async("flux"));

        GeneratedImage image = generator(List.of("pro", "flux")).resume("main", ImageRequest.of("a kite"),
                new ProviderJob("flux", Resolution.ONE_K, HANDLE)).image();

        assertThat(image.degraded()).isTrue();
    }

    @Test
    void aJobOfAKeyOrProviderNoLongerConfiguredIsUnknown() {
        providers.put("flux", new KeyedImageProvider(List.of(new Async("flux"))));

        DefaultImageGenerator generator = generator(List.of("flux"));

        assertThat(generator.resume("main", ImageRequest.of("a kite"), new ProviderJob("flux#2", Resolution.TWO_K,
                HANDLE)).outcome()).isEqualTo(ResumedJob.Outcome.UNKNOWN);
        assertThat(generator.resume("main", ImageRequest.of("a kite"), new ProviderJob("gone", Resolution.TWO_K,
                HANDLE)).outcome()).isEqualTo(ResumedJob.Outcome.UNKNOWN);
    }
}
