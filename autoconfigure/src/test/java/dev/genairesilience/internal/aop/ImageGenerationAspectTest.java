package dev.genairesilience.internal.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageGeneration;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.Resolution;
import dev.genairesilience.autoconfigure.GenAiContextRunners;
import dev.genairesilience.autoconfigure.TestProviderFactory;
import dev.genairesilience.spi.GenerationCall;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ImageGenerationAspectTest {

    static final GeneratedImage PLACEHOLDER = new GeneratedImage(new byte[] { 1, 2 }, "image/png", "application",
            "placeholder", Resolution.ONE_K, true, List.of());

    private final ApplicationContextRunner runner = GenAiContextRunners.withTestProviders()
            .withUserConfiguration(ImagesConfiguration.class)
            .withPropertyValues("genai.chains.direct.providers=good",
                    "genai.chains.delivers.providers=broken,good",
                    "genai.chains.exhausted.providers=broken",
                    "genai.chains.carded.providers=broken", "genai.chains.carded.last-resort=card",
                    "genai.chains.rejects.providers=wrong");

    @Test
    void theChainGeneratesAndTheBodyDoesNotRun() {
        run((images, factory) -> {
            GeneratedImage image = images.delivers("a lighthouse at dusk");
            assertThat(image.provider()).isEqualTo("good");
            assertThat(image.bytes()).isEqualTo(TestProviderFactory.IMAGE);
            assertThat(images.bodyCalls()).isEqualTo(0);
        });
    }

    @Test
    void theChainsOwnLastResortAnswersBeforeTheBody() {
        run((images, factory) -> {
            GeneratedImage image = images.carded("a lighthouse at dusk");
            assertThat(image.provider()).isEqualTo("card");
            assertThat(image.degraded()).isTrue();
            assertThat(images.bodyCalls()).isEqualTo(0);
        });
    }

    @Test
    void theBodyRunsOnlyOnceTheChainHasNothingLeft() {
        run((images, factory) -> {
            assertThat(images.exhausted("a lighthouse at dusk")).isSameAs(PLACEHOLDER);
            assertThat(images.bodyCalls()).isEqualTo(1);
            assertThat(images.callsBeforeBody()).isEqualTo(2);
        });
    }

    @Test
    void aBodyReturningNullGivesTheCallerTheUnavailableException() {
        run((images, factory) -> assertThatThrownBy(() -> images.exhaustedWithoutStandIn("a lighthouse"))
                .isInstanceOf(GenerationUnavailableException.class)
                .satisfies(e -> assertThat(((GenerationUnavailableException) e).attempts()).hasSize(2)));
    }

    @Test
    void aThrowingBodyGivesTheCallerTheUnavailableExceptionWithTheBodysAsSuppressed() {
        run((images, factory) -> assertThatThrownBy(() -> images.exhaustedAndBodyThrows("a lighthouse"))
                .isInstanceOf(GenerationUnavailableException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .isInstanceOf(IllegalStateException.class)));
    }

    @Test
    void aRejectedRequestReachesTheCallerWithoutRunningTheBody() {
        run((images, factory) -> {
            assertThatThrownBy(() -> images.rejects("a lighthouse")).isInstanceOf(GenerationRejectedException.class);
            assertThat(images.bodyCalls()).isEqualTo(0);
        });
    }

    @Test
    void aByteArrayMethodGetsTheImageBytes() {
        run((images, factory) -> assertThat(images.bytes("a lighthouse")).isEqualTo(TestProviderFactory.IMAGE));
    }

    @Test
    void aByteArrayMethodsBodyIsItsLastResort() {
        run((images, factory) -> assertThat(images.bytesExhausted("a lighthouse")).containsExactly(9));
    }

    @Test
    void aFutureMethodGeneratesAsynchronously() {
        run((images, factory) -> {
            GeneratedImage image = get(images.later("a lighthouse"));
            assertThat(image.provider()).isEqualTo("good");
            assertThat(images.bodyCalls()).isEqualTo(0);
        });
    }

    @Test
    void aFutureMethodsBodyRunsWhenTheChainHasNothingLeft() {
        run((images, factory) -> {
            assertThat(get(images.laterExhausted("a lighthouse"))).isSameAs(PLACEHOLDER);
            assertThat(images.bodyCalls()).isEqualTo(1);
        });
    }

    @Test
    void aFutureMethodsFailedBodyCompletesWithTheUnavailableException() {
        run((images, factory) -> assertThatThrownBy(() -> images.laterExhaustedAndBodyFails("x").get(10,
                TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(GenerationUnavailableException.class));
    }

    @Test
    void theAnnotationFillsWhatAStringPromptLeavesOpen() {
        run((images, factory) -> {
            images.wide("a lighthouse");
            GenerationCall call = factory.calls("good").get(0);
            assertThat(call.resolution()).isEqualTo(Resolution.TWO_K);
            assertThat(call.aspectRatio()).isEqualTo("16:9");
            assertThat(call.timeout()).isLessThanOrEqualTo(Duration.ofSeconds(20));
        });
    }

    @Test
    void anImageRequestsOwnValuesWinOverTheAnnotations() {
        run((images, factory) -> {
            images.wide(ImageRequest.builder("a lighthouse").resolution(Resolution.ONE_K).build());
            GenerationCall call = factory.calls("good").get(0);
            assertThat(call.resolution()).isEqualTo(Resolution.ONE_K);
            assertThat(call.aspectRatio()).isEqualTo("16:9");
        });
    }

    private void run(BiConsumer<Images, TestProviderFactory> test) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            test.accept(context.getBean(Images.class), recording(context));
        });
    }

    private static TestProviderFactory recording(AssertableApplicationContext context) {
        return context.getBean("recordingProviderFactory", TestProviderFactory.class);
    }

    private static GeneratedImage get(CompletableFuture<GeneratedImage> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ImagesConfiguration {

        @Bean
        Images images(@Qualifier("failingProviderFactory") TestProviderFactory failing) {
            return new Images(failing);
        }
    }

    /** An application's image service; each body counts its runs. */
    public static class Images {

        private final AtomicInteger bodyCalls = new AtomicInteger();
        private final AtomicInteger callsBeforeBody = new AtomicInteger(-1);
        private final TestProviderFactory failing;

        public Images(TestProviderFactory failing) {
            this.failing = failing;
        }

        /** How often a body ran (a method, as the test talks to the proxy). */
        public int bodyCalls() {
            return bodyCalls.get();
        }

        /** The calls the failing provider had received when the body ran. */
        public int callsBeforeBody() {
            return callsBeforeBody.get();
        }

        @ImageGeneration(chain = "delivers")
        public GeneratedImage delivers(String prompt) {
            bodyCalls.incrementAndGet();
            return PLACEHOLDER;
        }

        @ImageGeneration(chain = "carded")
        public GeneratedImage carded(String prompt) {
            bodyCalls.incrementAndGet();
            return PLACEHOLDER;
        }

        @ImageGeneration(chain = "exhausted")
        public GeneratedImage exhausted(String prompt) {
            bodyCalls.incrementAndGet();
            callsBeforeBody.set(failing.calls("broken").size());
            return PLACEHOLDER;
        }

        @ImageGeneration(chain = "exhausted")
        public GeneratedImage exhaustedWithoutStandIn(String prompt) {
            return null;
        }

        @ImageGeneration(chain = "exhausted")
        public GeneratedImage exhaustedAndBodyThrows(String prompt) {
            throw new IllegalStateException("no placeholder either");
        }

        @ImageGeneration(chain = "rejects")
        public GeneratedImage rejects(String prompt) {
            bodyCalls.incrementAndGet();
            return PLACEHOLDER;
        }

        @ImageGeneration(chain = "direct")
        public byte[] bytes(String prompt) {
            return new byte[] { 9 };
        }

        @ImageGeneration(chain = "exhausted")
        public byte[] bytesExhausted(String prompt) {
            return new byte[] { 9 };
        }

        @ImageGeneration(chain = "direct")
        public CompletableFuture<GeneratedImage> later(String prompt) {
            bodyCalls.incrementAndGet();
            return CompletableFuture.completedFuture(PLACEHOLDER);
        }

        @ImageGeneration(chain = "exhausted")
        public CompletableFuture<GeneratedImage> laterExhausted(String prompt) {
            bodyCalls.incrementAndGet();
            return CompletableFuture.completedFuture(PLACEHOLDER);
        }

        @ImageGeneration(chain = "exhausted")
        public CompletableFuture<GeneratedImage> laterExhaustedAndBodyFails(String prompt) {
            return CompletableFuture.failedFuture(new IllegalStateException("no placeholder either"));
        }

        @ImageGeneration(chain = "direct", resolution = "2K", aspectRatio = "16:9", deadline = "20s")
        public GeneratedImage wide(String prompt) {
            return PLACEHOLDER;
        }

        @ImageGeneration(chain = "direct", resolution = "2K", aspectRatio = "16:9", deadline = "20s")
        public GeneratedImage wide(ImageRequest request) {
            return PLACEHOLDER;
        }
    }
}
