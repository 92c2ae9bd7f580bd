package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.SkippedStep;
import dev.genairesilience.autoconfigure.GenAiSpringAiAutoConfiguration;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.springai.GenAiImageResponseMetadata;
import dev.genairesilience.testkit.Fault;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.ai.openai.OpenAiImageModel;
import org.springframework.ai.openai.OpenAiImageOptions;
import org.springframework.ai.openai.api.OpenAiImageApi;
import org.springframework.ai.retry.RetryUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.DefaultResponseErrorHandler;

/**
 * Spring AI both ways over real HTTP: Spring AI's own {@code OpenAiImageModel}, built as Spring AI builds it (with
 * its default retry of 10 attempts), pointed at the testkit's OpenAI API, as the first step of the chain
 * {@code [spring-ai openai model, gemini]}; and that chain as the {@code genAiImageModel} a Spring AI caller calls.
 */
class SpringAiOverHttpTest extends EmulatedProvidersTest {

    private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G' };

    private final ApplicationContextRunner springAi = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GenAiSpringAiAutoConfiguration.class))
            .withUserConfiguration(SpringAiOpenAi.class);

    /** The chain {@code main: [sai, pro]}, {@code sai} being Spring AI's OpenAI model asking for gpt-image-1. */
    private List<String> springAiThenGemini(String bean, String... more) {
        List<String> p = with(provider("pro", "gemini", PRO), "genai.providers.sai.type=spring-ai",
                "genai.providers.sai.options.bean=" + bean, "genai.providers.sai.model=" + GPT,
                "genai.providers.sai.timeout=5s", "genai.chains.main.providers=sai,pro",
                "test.openai.base-url=" + emulator().baseUrl());
        p.addAll(fastRetries());
        p.addAll(List.of(more));
        return p;
    }

    @Test
    void a503FromTheSpringAiModelFallsOverToGeminiWithOneHttpCallPerAttempt(CapturedOutput output) {
        emulator().model(GPT).failNext(100, Fault.OVERLOADED);

        run(springAi, springAiThenGemini("openAiImageModel", "genai.retry.max-attempts=2"), context -> {
            GeneratedImage image = generator(context).generate(ImageRequest.of("a red bicycle"));

            assertThat(image.provider()).isEqualTo("pro");
            List<Attempt> onSpringAi = image.attempts().stream().filter(a -> a.provider().equals("sai")).toList();
            assertThat(onSpringAi).hasSize(2).allSatisfy(attempt -> {
                assertThat(attempt.failure()).isEqualTo(FailureKind.OVERLOADED);
                assertThat(attempt.httpStatus()).isEqualTo(503);
                assertThat(attempt.model()).isEqualTo(GPT);
            });
            assertThat(emulator().model(GPT).calls()).isEqualTo(onSpringAi.size());
        });
        assertThat(output.getAll().split("the RetryTemplate of ImageModel bean 'openAiImageModel' allows", -1))
                .hasSize(2);
    }

    @Test
    void theSpringAiModelIsAskedForTheStepsModelAndSizeAndItsImageDelivered() {
        run(springAi, springAiThenGemini("openAiImageModel"), context -> {
            GeneratedImage image = generator(context).generate(ImageRequest.of("a red bicycle"));

            assertThat(image.provider()).isEqualTo("sai");
            assertThat(image.model()).isEqualTo(GPT);
            assertThat(image.mimeType()).isEqualTo("image/png");
            assertThat(emulator().model(GPT).recordedCalls()).singleElement().satisfies(call -> {
                assertThat(call.body()).contains("\"model\":\"" + GPT + "\"").contains("\"size\":\"1024x1024\"");
                assertThat(call.resolution()).isEqualTo("1K");
            });
        });
    }

    @Test
    void aSpringAiModelThatDoesNotAnswerWithinTheAttemptsTimeoutIsATimeoutAndGeminiDelivers() {
        emulator().model(GPT).latency(Duration.ofSeconds(5));

        run(springAi, springAiThenGemini("openAiImageModel", "genai.providers.sai.timeout=300ms",
                "genai.retry.max-attempts=1"), context -> {
                    GeneratedImage image = generator(context).generate(ImageRequest.of("a red bicycle"));

                    assertThat(image.provider()).isEqualTo("pro");
                    assertThat(image.attempts().get(0).failure()).isEqualTo(FailureKind.TIMEOUT);
                });
    }

    @Test
    void withSpringsOwnErrorHandlerTheWaitHintOfA429HoldsTheSpringAiModel() {
        emulator().model(GPT).hint(Duration.ofSeconds(30)).failNext(1, Fault.RATE_LIMITED);

        run(springAi, springAiThenGemini("openAiImageModelWithHeaders"), context -> {
            GeneratedImage first = generator(context).generate(ImageRequest.of("a red bicycle"));
            GeneratedImage second = generator(context).generate(ImageRequest.of("a blue teapot"));

            assertThat(first.attempts().get(0).failure()).isEqualTo(FailureKind.RATE_LIMITED);
            assertThat(first.provider()).isEqualTo("pro");
            assertThat(second.provider()).isEqualTo("pro");
            assertThat(second.skipped()).extracting(SkippedStep::provider, SkippedStep::reason)
                    .contains(tuple("sai", SkippedStep.Reason.HELD));
            assertThat(emulator().model(GPT).calls()).isEqualTo(1);
        });
    }

    @Test
    void theChainAsAnImageModelAnswersAPlainSpringAiCallWithProvenanceInItsMetadata() {
        emulator().model(GPT).failNext(1, Fault.OVERLOADED);

        run(springAi, springAiThenGemini("openAiImageModel", "genai.retry.max-attempts=1"), context -> {
            ImageModel chain = context.getBean("genAiImageModel", ImageModel.class);

            ImageResponse response = chain.call(new ImagePrompt("a red bicycle"));

            byte[] bytes = Base64.getDecoder().decode(response.getResult().getOutput().getB64Json());
            assertThat(bytes).startsWith(PNG_SIGNATURE);
            assertThat(response.getMetadata()).isInstanceOf(GenAiImageResponseMetadata.class);
            GenAiImageResponseMetadata provenance = (GenAiImageResponseMetadata) response.getMetadata();
            assertThat(provenance.provider()).isEqualTo("pro");
            assertThat(provenance.model()).isEqualTo(PRO);
            assertThat(provenance.degraded()).isTrue();
            assertThat(provenance.attempts()).extracting(Attempt::provider, Attempt::failure).containsExactly(
                    tuple("sai", FailureKind.OVERLOADED),
                    tuple("pro", null));
            assertThat((Boolean) response.getMetadata().get(GenAiImageResponseMetadata.DEGRADED)).isTrue();
        });
    }

    /** Spring AI's OpenAI image model at the emulator, as an application declares it. */
    @Configuration(proxyBeanMethods = false)
    static class SpringAiOpenAi {

        /** With Spring AI's defaults: its error handler, and its retry of 10 attempts. */
        @Bean
        OpenAiImageModel openAiImageModel(Environment environment) {
            OpenAiImageApi api = OpenAiImageApi.builder().baseUrl(environment.getProperty("test.openai.base-url"))
                    .apiKey(API_KEY).build();
            return new OpenAiImageModel(api, OpenAiImageOptions.builder().build(), RetryUtils.DEFAULT_RETRY_TEMPLATE);
        }

        /** With Spring's own error handler, whose exceptions keep the answer's headers (and so its wait hint). */
        @Bean
        OpenAiImageModel openAiImageModelWithHeaders(Environment environment) {
            OpenAiImageApi api = OpenAiImageApi.builder().baseUrl(environment.getProperty("test.openai.base-url"))
                    .apiKey(API_KEY).responseErrorHandler(new DefaultResponseErrorHandler()).build();
            return new OpenAiImageModel(api, OpenAiImageOptions.builder().build(), RetryUtils.DEFAULT_RETRY_TEMPLATE);
        }
    }
}
