package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.chain.ChainExecutor;
import dev.genairesilience.chain.ProviderBreakers;
import dev.genairesilience.chain.ProviderLanes;
import dev.genairesilience.chain.RetryBudgets;
import dev.genairesilience.chain.RetrySettings;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureClassification;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.internal.aop.ImageGenerationAspect;
import dev.genairesilience.internal.aop.ModelFallbackAspect;
import dev.genairesilience.provider.local.LocalProviderFactory;
import dev.genairesilience.spi.FailureClassifier;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ImageProviderFactory;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import dev.genairesilience.spi.ProviderSettings;
import dev.genairesilience.web.GenerationProblemDetailsHandler;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

class GenAiAutoConfigurationTest {

    @Test
    void anApplicationWithTheStarterGetsTheWholeEngine() {
        GenAiContextRunners.application().run(context -> {
            assertThat(context).hasNotFailed()
                    .hasSingleBean(GenAiProperties.class)
                    .hasSingleBean(ImageProviderRegistry.class)
                    .hasSingleBean(FailureClassification.class)
                    .hasSingleBean(ProviderBreakers.class)
                    .hasSingleBean(RetryBudgets.class)
                    .hasSingleBean(ChainExecutor.class)
                    .hasSingleBean(ImageGenerator.class)
                    .hasSingleBean(ImageGenerationAspect.class)
                    .hasSingleBean(ModelFallbackAspect.class)
                    .hasBean("genAiHttpClient")
                    .hasBean("genAiClock");
            assertThat(context.getBeansOfType(ImageProviderFactory.class).values())
                    .extracting(ImageProviderFactory::type)
                    .containsExactlyInAnyOrder("gemini", "openai", "azure-openai", "bfl", "fal", "replicate",
                            "stability", "vertex-ai", "huggingface", "local");
        });
    }

    @Test
    void genaiEnabledFalseLeavesEveryGenAiBeanOut() {
        new WebApplicationContextRunner().withConfiguration(GenAiContextRunners.GENAI)
                .withPropertyValues("genai.enabled=false")
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(GenAiProperties.class)
                        .doesNotHaveBean(HttpClient.class)
                        .doesNotHaveBean(Clock.class)
                        .doesNotHaveBean(ImageProviderFactory.class)
                        .doesNotHaveBean(ImageProviderRegistry.class)
                        .doesNotHaveBean(FailureClassification.class)
                        .doesNotHaveBean(ProviderBreakers.class)
                        .doesNotHaveBean(ChainExecutor.class)
                        .doesNotHaveBean(ImageGenerator.class)
                        .doesNotHaveBean(ImageGenerationAspect.class)
                        .doesNotHaveBean(ModelFallbackAspect.class)
                        .doesNotHaveBean(GenerationProblemDetailsHandler.class));
    }

    @Test
    void theSharedHttpClientUsesTheConfiguredConnectTimeoutAndNeverFollowsRedirects() {
        GenAiContextRunners.application().withPropertyValues("genai.http.connect-timeout=3s").run(context -> {
            HttpClient client = context.getBean("genAiHttpClient", HttpClient.class);
            assertThat(client.connectTimeout()).contains(Duration.ofSeconds(3));
            assertThat(client.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
        });
    }

    @Test
    void anHttpClientNamedGenAiHttpClientReplacesOursAndReachesTheProviders() {
        HttpClient own = HttpClient.newHttpClient();
        GenAiContextRunners.withTestProviders()
                .withBean("genAiHttpClient", HttpClient.class, () -> own)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean("genAiHttpClient")).isSameAs(own);
                    assertThat(context.getBean("recordingProviderFactory", TestProviderFactory.class).httpClient())
                            .isSameAs(own);
                });
    }

    @Test
    void theEnginesHttpClientAndClockNeverMakeTheApplicationsOwnInjectionsAmbiguous() {
        HttpClient applicationClient = HttpClient.newHttpClient();
        Clock applicationClock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        GenAiContextRunners.application()
                .withBean("applicationClient", HttpClient.class, () -> applicationClient)
                .withBean("applicationClock", Clock.class, () -> applicationClock)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeanProvider(HttpClient.class).getIfUnique()).isSameAs(applicationClient);
                    assertThat(context.getBeanProvider(Clock.class).getIfUnique()).isSameAs(applicationClock);
                });
    }

    @Test
    void anApplicationsImageGeneratorReplacesOurs() {
        ImageGenerator own = mock(ImageGenerator.class);
        GenAiContextRunners.application().withBean(ImageGenerator.class, () -> own)
                .run(context -> assertThat(context).getBean(ImageGenerator.class).isSameAs(own));
    }

    @Test
    void anApplicationsFailureClassificationReplacesOurs() {
        FailureClassification own = new FailureClassification(List.of());
        GenAiContextRunners.application().withBean(FailureClassification.class, () -> own)
                .run(context -> assertThat(context).getBean(FailureClassification.class).isSameAs(own));
    }

    @Test
    void anApplicationsChainExecutorReplacesOurs() {
        RetrySettings settings = RetrySettings.defaults();
        ChainExecutor own = ChainExecutor.builder(new FailureClassification(List.of()),
                ProviderLanes.builder(id -> null, new RetryBudgets(settings, Clock.systemUTC())).build())
                .settings(settings).build();
        GenAiContextRunners.application().withBean(ChainExecutor.class, () -> own)
                .run(context -> assertThat(context).getBean(ChainExecutor.class).isSameAs(own));
    }

    @Test
    void anApplicationsFactoryOfABuiltInClassReplacesOurs() {
        LocalProviderFactory own = new LocalProviderFactory();
        GenAiContextRunners.application().withBean(LocalProviderFactory.class, () -> own)
                .run(context -> assertThat(context).getBean(LocalProviderFactory.class).isSameAs(own));
    }

    @Test
    void anApplicationsClockIsTheEnginesTimeWhenNamedGenAiClock() {
        Clock fixed = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        GenAiContextRunners.application().withBean("genAiClock", Clock.class, () -> fixed)
                .run(context -> assertThat(context.getBean("genAiClock")).isSameAs(fixed));
    }

    @Test
    void anApplicationsClassifiersAreAskedBeforeTheBuiltInOnesInTheirOrder() {
        GenAiContextRunners.application()
                .withBean("late", FailureClassifier.class, () -> new Ordered(2, FailureKind.SERVER_ERROR))
                .withBean("early", FailureClassifier.class, () -> new Ordered(1, FailureKind.RATE_LIMITED))
                .run(context -> {
                    FailureClassification classification = context.getBean(FailureClassification.class);
                    assertThat(classification.classify(new IllegalStateException("busy")).kind())
                            .isEqualTo(FailureKind.RATE_LIMITED);
                    assertThat(classification.classify(new ConnectException("refused")).kind())
                            .isEqualTo(FailureKind.RATE_LIMITED);
                });
    }

    @Test
    void withoutApplicationClassifiersTheBuiltInOnesClassify() {
        GenAiContextRunners.application().run(context -> assertThat(context.getBean(FailureClassification.class)
                .classify(new ConnectException("refused")).kind()).isEqualTo(FailureKind.CONNECTION));
    }

    @Test
    void anApplicationsFactoryForABuiltInTypeTakesThatTypeOver() {
        GenAiContextRunners.application()
                .withBean("ownLocal", ImageProviderFactory.class, () -> new RenamedType("local"))
                .withPropertyValues("genai.providers.card.type=local")
                .run(context -> assertThat(context.getBean(ImageProviderRegistry.class).provider("card"))
                        .get().extracting(p -> p.model()).isEqualTo("own-local"));
    }

    @Test
    void generateAsyncRunsOnBootsApplicationTaskExecutorWhenThereIsOne() {
        GenAiContextRunners.withTestProviders()
                .withConfiguration(AutoConfigurations.of(TaskExecutionAutoConfiguration.class))
                .withPropertyValues("genai.chains.direct.providers=good")
                .run(context -> {
                    assertThat(context).doesNotHaveBean("genAiTaskExecutor");
                    GeneratedImage image = context.getBean(ImageGenerator.class)
                            .generateAsync("direct", ImageRequest.of("a red kite")).get(10, TimeUnit.SECONDS);
                    assertThat(image.provider()).isEqualTo("good");
                    assertThat(context.getBean("recordingProviderFactory", TestProviderFactory.class).threads())
                            .singleElement().asString().startsWith("task-");
                });
    }

    @Test
    void generateAsyncRunsOnASmallExecutorOfItsOwnWithoutBootsOne() {
        GenAiContextRunners.withTestProviders().withPropertyValues("genai.chains.direct.providers=good")
                .run(context -> {
                    assertThat(context).hasBean("genAiTaskExecutor");
                    context.getBean(ImageGenerator.class).generateAsync("direct", ImageRequest.of("a red kite"))
                            .get(10, TimeUnit.SECONDS);
                    assertThat(context.getBean("recordingProviderFactory", TestProviderFactory.class).threads())
                            .singleElement().asString().startsWith("genai-");
                });
    }

    /** A classifier that recognises everything as one kind, with an order. */
    static final class Ordered implements FailureClassifier, org.springframework.core.Ordered {
        private final int order;
        private final FailureKind kind;

        Ordered(int order, FailureKind kind) {
            this.order = order;
            this.kind = kind;
        }

        @Override
        public Failure classify(Throwable error) {
            return Failure.of(kind);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }

    /** The local card under another model name, to tell it from the built-in one. */
    static final class RenamedType implements ImageProviderFactory {
        private final String type;

        RenamedType(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public boolean requiresApiKey() {
            return false;
        }

        @Override
        public ImageProvider create(ProviderSettings settings,
                HttpClient httpClient) {
            ImageProvider card = new LocalProviderFactory().create(settings, httpClient);
            return new ImageProvider() {
                @Override
                public String id() {
                    return card.id();
                }

                @Override
                public String model() {
                    return "own-local";
                }

                @Override
                public ProviderCapabilities capabilities() {
                    return card.capabilities();
                }

                @Override
                public ProviderImage generate(GenerationCall call)
                        throws Exception {
                    return card.generate(call);
                }
            };
        }
    }
}
