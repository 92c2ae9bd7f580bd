package dev.genairesilience.internal.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGeneration.Mode;
import dev.genairesilience.ImageGeneration;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageJobQueue;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.JobState;
import dev.genairesilience.Resolution;
import dev.genairesilience.autoconfigure.GenAiContextRunners;
import dev.genairesilience.autoconfigure.TestProviderFactory;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class OffPeakImageGenerationTest {

    private final ApplicationContextRunner runner = GenAiContextRunners.withTestProviders()
            .withUserConfiguration(CatalogueConfiguration.class)
            .withPropertyValues("genai.chains.catalogue.providers=good", "genai.chains.catalogue.resolution=2K");

    @Test
    void anOffPeakMethodQueuesTheRequestWithTheAnnotationsDefaultsAndItsBodyNeverRuns() {
        runner.run(context -> {
            Catalogue catalogue = context.getBean(Catalogue.class);
            RecordingQueue queue = context.getBean(RecordingQueue.class);

            ImageJob job = catalogue.later("a lamp");

            assertThat(job.state()).isEqualTo(JobState.QUEUED);
            assertThat(queue.chains).containsExactly("catalogue");
            ImageRequest queued = queue.requests.get(0);
            assertThat(queued.prompt()).isEqualTo("a lamp");
            assertThat(queued.resolution()).isEqualTo(Resolution.ONE_K);
            assertThat(queued.aspectRatio()).isEqualTo("3:2");
            assertThat(queued.deadline()).isEqualTo(Duration.ofMinutes(2));
            assertThat(catalogue.bodyCalls).isZero();
            assertThat(context.getBean("recordingProviderFactory", TestProviderFactory.class).calls("good")).isEmpty();
        });
    }

    @Test
    void anOffPeakMethodMustReturnImageJob() throws NoSuchMethodException {
        Method method = Wrong.class.getDeclaredMethod("offPeakImage", String.class);

        assertThatThrownBy(() -> ImageGenerationMethod.of(method, method.getAnnotation(ImageGeneration.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mode = OFF_PEAK")
                .hasMessageContaining("it must return ImageJob");
    }

    @Test
    void anImmediateMethodReturningImageJobIsToldToSetTheMode() throws NoSuchMethodException {
        Method method = Wrong.class.getDeclaredMethod("immediateJob", String.class);

        assertThatThrownBy(() -> ImageGenerationMethod.of(method, method.getAnnotation(ImageGeneration.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set mode = OFF_PEAK");
    }

    static class Wrong {

        @ImageGeneration(mode = Mode.OFF_PEAK)
        GeneratedImage offPeakImage(String prompt) {
            return null;
        }

        @ImageGeneration
        ImageJob immediateJob(String prompt) {
            return null;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class CatalogueConfiguration {

        @Bean
        Catalogue catalogue() {
            return new Catalogue();
        }

        @Bean
        RecordingQueue recordingQueue() {
            return new RecordingQueue();
        }
    }

    public static class Catalogue {

        int bodyCalls;

        @ImageGeneration(chain = "catalogue", mode = Mode.OFF_PEAK, resolution = "1K", aspectRatio = "3:2",
                deadline = "2m")
        public ImageJob later(String prompt) {
            bodyCalls++;
            return null;
        }
    }

    /** An application's own queue, which the engine hands submissions to. */
    static class RecordingQueue implements ImageJobQueue {

        final List<String> chains = new CopyOnWriteArrayList<>();
        final List<ImageRequest> requests = new CopyOnWriteArrayList<>();

        @Override
        public ImageJob enqueue(String chain, ImageRequest request) {
            chains.add(chain);
            requests.add(request);
            Instant now = Instant.now();
            return new ImageJob("job-" + requests.size(), JobState.QUEUED, chain, now, 0, null, now, now);
        }

        @Override
        public Optional<ImageJob> find(String id) {
            return Optional.empty();
        }
    }
}
