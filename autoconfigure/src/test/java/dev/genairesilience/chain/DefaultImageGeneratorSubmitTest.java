package dev.genairesilience.chain;

import static dev.genairesilience.Resolution.FOUR_K;
import static dev.genairesilience.Resolution.ONE_K;
import static dev.genairesilience.chain.FakeProvider.serving;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageJobQueue;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.JobState;
import dev.genairesilience.Resolution;
import dev.genairesilience.spi.ImageProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DefaultImageGeneratorSubmitTest {

    private final Engine engine = new Engine();
    private final Map<String, ImageProvider> providers = new LinkedHashMap<>();
    private final RecordingQueue queue = new RecordingQueue();

    private DefaultImageGenerator generator(ImageJobQueue jobs) {
        providers.put("pro", new FakeProvider("pro", serving(EnumSet.allOf(Resolution.class)), new ArrayList<>()));
        providers.put("small", new FakeProvider("small", serving(EnumSet.of(ONE_K)), new ArrayList<>()));
        Map<String, ChainDefinition> chains = new LinkedHashMap<>();
        chains.put("shots", ChainDefinition.builder("shots").providers(List.of("pro")).resolution(FOUR_K)
                .aspectRatio("1:1").deadline(Duration.ofSeconds(60)).build());
        chains.put("thumbs", ChainDefinition.builder("thumbs").providers(List.of("small")).resolution(ONE_K)
                .aspectRatio("1:1").deadline(Duration.ofSeconds(60)).build());
        return DefaultImageGenerator.builder(chains, providers, engine.executor, Runnable::run).defaultChain("shots")
                .jobs(() -> jobs).build();
    }

    @Test
    void aValidRequestIsQueuedUnderTheResolvedChainAsTheCallerGaveIt() {
        ImageRequest request = ImageRequest.of("a red kite");

        ImageJob job = generator(queue).submit(request);

        assertThat(queue.chains).containsExactly("shots");
        assertThat(queue.requests).containsExactly(request);
        assertThat(job.chain()).isEqualTo("shots");
    }

    @Test
    void anInvalidRequestIsRejectedByTheEnginesOwnRulesAndNeverReachesTheQueue() {
        DefaultImageGenerator generator = generator(queue);

        assertThatThrownBy(() -> generator.submit("shots", ImageRequest.of("")))
                .isInstanceOfSatisfying(GenerationRejectedException.class, field("prompt"));
        assertThatThrownBy(() -> generator.submit("nope", ImageRequest.of("kite")))
                .isInstanceOfSatisfying(GenerationRejectedException.class, field("chain"));
        ImageRequest fourK = ImageRequest.builder("kite").resolution(FOUR_K).build();
        assertThatThrownBy(() -> generator.submit("thumbs", fourK))
                .isInstanceOfSatisfying(GenerationRejectedException.class, field("resolution"));
        ImageRequest noTime = ImageRequest.builder("kite").deadline(Duration.ZERO).build();
        assertThatThrownBy(() -> generator.submit("shots", noTime))
                .isInstanceOfSatisfying(GenerationRejectedException.class, field("deadline"));

        assertThat(queue.requests).isEmpty();
    }

    private static Consumer<GenerationRejectedException> field(String name) {
        return rejected -> assertThat(rejected.field()).isEqualTo(name);
    }

    @Test
    void jobsAreLookedUpInTheQueue() {
        assertThat(generator(queue).job("job-1")).hasValueSatisfying(job -> assertThat(job.id()).isEqualTo("job-1"));
    }

    @Test
    void withoutAQueueSubmittingIsRefusedSayingWhatIsMissing() {
        DefaultImageGenerator generator = generator(null);

        assertThatThrownBy(() -> generator.submit(ImageRequest.of("kite")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No off-peak queue");
        assertThatThrownBy(() -> generator.job("job-1")).isInstanceOf(IllegalStateException.class);
    }

    /** Records what it is asked to queue. */
    private static final class RecordingQueue implements ImageJobQueue {

        final List<String> chains = new ArrayList<>();
        final List<ImageRequest> requests = new ArrayList<>();

        @Override
        public ImageJob enqueue(String chain, ImageRequest request) {
            chains.add(chain);
            requests.add(request);
            return job("job-" + requests.size(), chain);
        }

        @Override
        public Optional<ImageJob> find(String id) {
            return Optional.of(job(id, "shots"));
        }

        private static ImageJob job(String id, String chain) {
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            return new ImageJob(id, JobState.QUEUED, chain, now, 0, null, now, now);
        }
    }
}
