package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.provider.springai.SpringAiProviderFactory;
import dev.genairesilience.springai.ChainImageModel;
import dev.genairesilience.springai.GenAiImageResponseMetadata;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImageOptionsBuilder;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class GenAiSpringAiAutoConfigurationTest {

    private final ApplicationContextRunner runner = GenAiContextRunners.withTestProviders()
            .withConfiguration(AutoConfigurations.of(GenAiSpringAiAutoConfiguration.class))
            .withPropertyValues("genai.chains.main.providers=good", "genai.chains.down.providers=broken",
                    "genai.chains.strict.providers=wrong", "genai.default-chain=main");

    @Test
    void withSpringAiTheProviderTypeAndTheChainsImageModelAreThere() {
        runner.run(context -> assertThat(context).hasNotFailed()
                .hasSingleBean(SpringAiProviderFactory.class)
                .hasBean("genAiImageModel")
                .getBean("genAiImageModel").isInstanceOf(ChainImageModel.class));
    }

    @Test
    void withoutSpringAiNeitherIsThereAndTheEngineStillStarts() {
        runner.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
                .run(context -> assertThat(context).hasNotFailed()
                        .hasSingleBean(ImageGenerator.class)
                        .doesNotHaveBean(SpringAiProviderFactory.class)
                        .doesNotHaveBean("genAiImageModel"));
    }

    @Test
    void withGenAiSwitchedOffNeitherIsThere() {
        runner.withPropertyValues("genai.enabled=false")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(SpringAiProviderFactory.class)
                        .doesNotHaveBean("genAiImageModel"));
    }

    @Test
    void theApplicationsOwnBeansReplaceOurs() {
        runner.withUserConfiguration(OwnBridgeBeans.class)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean("genAiImageModel")).isSameAs(OwnBridgeBeans.MODEL);
                    assertThat(context.getBean(SpringAiProviderFactory.class))
                            .isInstanceOf(OwnSpringAiProviderFactory.class);
                });
    }

    @Test
    void theChainsImageModelNeverMakesTheApplicationsImageModelAmbiguous() {
        runner.withUserConfiguration(ApplicationImageModel.class)
                .run(context -> assertThat(context.getBean(ImageModel.class)).isSameAs(ApplicationImageModel.MODEL));
    }

    @Test
    void theChainsImageModelAnswersWithTheImageAndItsProvenance() {
        runner.run(context -> {
            ImageModel model = context.getBean("genAiImageModel", ImageModel.class);

            ImageResponse response = model.call(new ImagePrompt("a red bicycle"));

            assertThat(Base64.getDecoder().decode(response.getResult().getOutput().getB64Json()))
                    .isEqualTo(TestProviderFactory.IMAGE);
            assertThat(response.getMetadata()).isInstanceOf(GenAiImageResponseMetadata.class);
            GenAiImageResponseMetadata metadata = (GenAiImageResponseMetadata) response.getMetadata();
            assertThat(metadata.provider()).isEqualTo("good");
            assertThat(metadata.attempts()).hasSize(1);
            assertThat((String) response.getMetadata().get(GenAiImageResponseMetadata.PROVIDER)).isEqualTo("good");
            assertThat((String) response.getMetadata().get(GenAiImageResponseMetadata.RESOLUTION)).isEqualTo("1K");
        });
    }

    @Test
    void thePromptsModelOptionPicksAChainAndItsSizeTheResolutionAndAspectRatio() {
        runner.run(context -> {
            ImageModel model = context.getBean("genAiImageModel", ImageModel.class);
            TestProviderFactory recording = context.getBean("recordingProviderFactory", TestProviderFactory.class);

            Throwable down = catchThrowable(() -> model.call(new ImagePrompt("a red bicycle",
                    ImageOptionsBuilder.builder().model("down").build())));
            model.call(new ImagePrompt("a red bicycle", ImageOptionsBuilder.builder().model("dall-e-3")
                    .width(3072).height(2048).build()));

            assertThat(down).isInstanceOf(TransientAiException.class);
            assertThat(recording.calls("good")).singleElement().satisfies(call -> {
                assertThat(call.resolution()).hasToString("2K");
                assertThat(call.aspectRatio()).isEqualTo("3:2");
            });
        });
    }

    @Test
    void anUnavailableChainIsATransientAiExceptionAndARejectedRequestANonTransientOne() {
        runner.run(context -> {
            ImageModel model = context.getBean("genAiImageModel", ImageModel.class);

            Throwable unavailable = catchThrowable(() -> model.call(new ImagePrompt("a red bicycle",
                    ImageOptionsBuilder.builder().model("down").build())));
            Throwable rejected = catchThrowable(() -> model.call(new ImagePrompt("a red bicycle",
                    ImageOptionsBuilder.builder().model("strict").build())));
            Throwable noPrompt = catchThrowable(() -> model.call(new ImagePrompt(" ")));
            Throwable twoImages = catchThrowable(() -> model.call(new ImagePrompt("a red bicycle",
                    ImageOptionsBuilder.builder().N(2).build())));

            assertThat(unavailable).isInstanceOf(TransientAiException.class)
                    .hasCauseInstanceOf(GenerationUnavailableException.class);
            assertThat(rejected).isInstanceOf(NonTransientAiException.class)
                    .hasCauseInstanceOf(GenerationRejectedException.class);
            assertThat(noPrompt).isInstanceOf(NonTransientAiException.class).hasMessageContaining("'prompt'");
            assertThat(twoImages).isInstanceOf(NonTransientAiException.class).hasMessageContaining("'n'");
        });
    }

    @Test
    void aSpringAiProviderWithoutABeanStopsStartUpNamingTheOption() {
        runner.withPropertyValues("genai.providers.sai.type=spring-ai").run(context -> assertThat(context)
                .getFailure()
                .hasStackTraceContaining("genai.providers.sai.options.bean is required for type spring-ai"));
    }

    @Test
    void aSpringAiProviderOverAnUnknownBeanStopsStartUpListingTheImageModels() {
        runner.withUserConfiguration(ApplicationImageModel.class)
                .withPropertyValues("genai.providers.sai.type=spring-ai", "genai.providers.sai.options.bean=nope")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("genai.providers.sai.options.bean: no bean named 'nope'")
                        .hasStackTraceContaining("[applicationImageModel]"));
    }

    @Test
    void aSpringAiProviderOverABeanThatIsNoImageModelStopsStartUp() {
        runner.withPropertyValues("genai.providers.sai.type=spring-ai",
                "genai.providers.sai.options.bean=recordingProviderFactory").run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("bean 'recordingProviderFactory' is a")
                        .hasStackTraceContaining("not an org.springframework.ai.image.ImageModel"));
    }

    @Test
    void aSpringAiProviderOverTheChainsOwnImageModelStopsStartUp() {
        runner.withPropertyValues("genai.providers.sai.type=spring-ai",
                "genai.providers.sai.options.bean=genAiImageModel").run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("'genAiImageModel' is a genai chain's own ImageModel"));
    }

    @Configuration(proxyBeanMethods = false)
    static class ApplicationImageModel {

        static final ImageModel MODEL = prompt -> {
            throw new UnsupportedOperationException("not called");
        };

        @Bean
        ImageModel applicationImageModel() {
            return MODEL;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBridgeBeans {

        static final ImageModel MODEL = prompt -> {
            throw new UnsupportedOperationException("not called");
        };

        @Bean
        ImageModel genAiImageModel() {
            return MODEL;
        }

        @Bean
        SpringAiProviderFactory ownSpringAiProviderFactory(ListableBeanFactory beans) {
            return new OwnSpringAiProviderFactory(beans);
        }
    }

    static class OwnSpringAiProviderFactory extends SpringAiProviderFactory {

        OwnSpringAiProviderFactory(ListableBeanFactory beans) {
            super(beans, ChainImageModel.class);
        }
    }
}
