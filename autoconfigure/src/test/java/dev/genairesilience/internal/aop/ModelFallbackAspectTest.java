package dev.genairesilience.internal.aop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ModelAttempt;
import dev.genairesilience.ModelFallback;
import dev.genairesilience.autoconfigure.GenAiContextRunners;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.spi.FailureClassifier;
import dev.genairesilience.spi.ProviderHttpException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class ModelFallbackAspectTest {

    private final ApplicationContextRunner runner = GenAiContextRunners.withTestProviders()
            .withUserConfiguration(RendererConfiguration.class)
            .withPropertyValues("genai.providers.first.type=recording", "genai.providers.first.model=first-model",
                    "genai.providers.second.type=recording", "genai.providers.second.model=second-model",
                    "genai.chains.pair.providers=first,second", "genai.chains.pair.resolution=2K",
                    "genai.chains.pair.degrade=1K", "genai.chains.pair.aspect-ratio=3:2");

    @Test
    void modelsAreTriedInOrderEachAttemptToldItsModelNumberAndTimeout() {
        run(renderer -> {
            assertThat(renderer.render("a kite", null)).isEqualTo("drawn by model-b");
            List<ModelAttempt> attempts = renderer.attempts();
            assertThat(attempts).extracting(ModelAttempt::model).containsExactly("model-a", "model-a", "model-b");
            assertThat(attempts).extracting(ModelAttempt::provider).containsExactly("model-a", "model-a", "model-b");
            assertThat(attempts).extracting(ModelAttempt::number).containsExactly(1, 2, 3);
            assertThat(attempts).allSatisfy(a -> {
                assertThat(a.resolution()).isNull();
                assertThat(a.timeout()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(60));
            });
        });
    }

    @Test
    void aRequestTheModelRejectsIsNotRetriedNorFallenBackFrom() {
        run(renderer -> {
            assertThatThrownBy(() -> renderer.rejected("a kite", null))
                    .isInstanceOf(GenerationRejectedException.class);
            assertThat(renderer.attempts()).hasSize(1);
            assertThat(renderer.fallbacks()).isEqualTo(0);
        });
    }

    @Test
    void theFallbackMethodAnswersWhenNoModelCouldWithTheCallersArguments() {
        run(renderer -> {
            assertThat(renderer.alwaysBusy("a kite", null)).isEqualTo("fallback for a kite");
            assertThat(renderer.attempts()).extracting(ModelAttempt::model)
                    .containsExactly("model-a", "model-a", "model-b", "model-b");
            assertThat(renderer.fallbacks()).isEqualTo(1);
        });
    }

    @Test
    void withoutAFallbackMethodTheCallerGetsTheUnavailableExceptionNamingTheMethod() {
        run(renderer -> assertThatThrownBy(() -> renderer.busyWithoutFallback("a kite", null))
                .isInstanceOf(GenerationUnavailableException.class)
                .satisfies(e -> assertThat(((GenerationUnavailableException) e).chain())
                        .isEqualTo("Renderer.busyWithoutFallback")));
    }

    @Test
    void aFailingFallbackMethodsExceptionCarriesTheUnavailableOneAsSuppressed() {
        run(renderer -> assertThatThrownBy(() -> renderer.busyWithFailingFallback("a kite", null))
                .isInstanceOf(IllegalStateException.class).hasMessage("no fallback today")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .isInstanceOf(GenerationUnavailableException.class)));
    }

    @Test
    void aCheckedSdkExceptionReachesTheApplicationsClassifierUnwrapped() {
        run(renderer -> {
            try {
                assertThat(renderer.sdk("a kite", null)).isEqualTo("drawn by sdk-b");
            } catch (SdkBusyException e) {
                throw new AssertionError(e);
            }
            assertThat(renderer.attempts()).extracting(ModelAttempt::model).startsWith("sdk-a").endsWith("sdk-b");
        });
    }

    @Test
    void aChainsProvidersGiveTheirModelsAndResolutionsInTheChainsOrder() {
        run(renderer -> {
            assertThat(renderer.viaChain(null)).isEqualTo("second-model@2K in 3:2");
            assertThat(renderer.attempts()).extracting(a -> a.provider() + "/" + a.model() + "/" + a.resolution())
                    .containsExactly("first/first-model/2K", "first/first-model/2K", "first/first-model/1K",
                            "first/first-model/1K", "second/second-model/2K");
        });
    }

    private void run(Consumer<Renderer> test) {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            test.accept(context.getBean(Renderer.class));
        });
    }

    static ProviderHttpException busy(String model) {
        return new ProviderHttpException(model, 503, Map.of(), "");
    }

    /** A checked exception of some SDK. */
    static class SdkBusyException extends Exception {
        SdkBusyException() {
            super("busy");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class RendererConfiguration {

        @Bean
        Renderer renderer() {
            return new Renderer();
        }

        @Bean
        FailureClassifier sdkClassifier() {
            return error -> error instanceof SdkBusyException ? Failure.of(FailureKind.OVERLOADED) : null;
        }
    }

    /** Code that calls models itself; every body records the attempt it was given. */
    public static class Renderer {

        private final List<ModelAttempt> attempts = new CopyOnWriteArrayList<>();
        private final AtomicInteger fallbacks = new AtomicInteger();

        /** Every attempt a body was given (a method, as the test talks to the proxy). */
        public List<ModelAttempt> attempts() {
            return attempts;
        }

        /** How often the fallback method ran. */
        public int fallbacks() {
            return fallbacks.get();
        }

        @ModelFallback(models = { "model-a", "model-b" })
        public String render(String prompt, ModelAttempt attempt) {
            attempts.add(attempt);
            if (attempt.model().equals("model-a")) {
                throw busy(attempt.model());
            }
            return "drawn by " + attempt.model();
        }

        @ModelFallback(models = { "model-a", "model-b" }, fallbackMethod = "fallback")
        public String rejected(String prompt, ModelAttempt attempt) {
            attempts.add(attempt);
            throw new ProviderHttpException(attempt.model(), 400, Map.of(), "");
        }

        @ModelFallback(models = { "model-a", "model-b" }, fallbackMethod = "fallback")
        public String alwaysBusy(String prompt, ModelAttempt attempt) {
            attempts.add(attempt);
            throw busy(attempt.model());
        }

        @ModelFallback(models = { "model-a", "model-b" })
        public String busyWithoutFallback(String prompt, ModelAttempt attempt) {
            throw busy(attempt.model());
        }

        @ModelFallback(models = { "model-a" }, fallbackMethod = "failingFallback", deadline = "5s")
        public String busyWithFailingFallback(String prompt, ModelAttempt attempt) {
            throw busy(attempt.model());
        }

        @ModelFallback(models = { "sdk-a", "sdk-b" })
        public String sdk(String prompt, ModelAttempt attempt) throws SdkBusyException {
            attempts.add(attempt);
            if (attempt.model().equals("sdk-a")) {
                throw new SdkBusyException();
            }
            return "drawn by " + attempt.model();
        }

        @ModelFallback(chain = "pair")
        public String viaChain(ModelAttempt attempt) {
            attempts.add(attempt);
            if (attempt.provider().equals("first")) {
                throw busy(attempt.model());
            }
            return attempt.model() + "@" + attempt.resolution() + " in " + attempt.aspectRatio();
        }

        String fallback(String prompt, ModelAttempt attempt) {
            fallbacks.incrementAndGet();
            return "fallback for " + prompt;
        }

        private String failingFallback(String prompt, ModelAttempt attempt) {
            throw new IllegalStateException("no fallback today");
        }
    }
}
