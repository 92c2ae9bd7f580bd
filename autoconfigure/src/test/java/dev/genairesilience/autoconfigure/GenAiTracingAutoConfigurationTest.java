package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.chain.ExecutionObserver;
import dev.genairesilience.internal.observation.GenAiObservations;
import dev.genairesilience.internal.observation.ObservedFailure;
import dev.genairesilience.internal.observation.ObservedHttpClient;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.net.http.HttpClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The engine is observed when the application has an ObservationRegistry, and only then; the user's beans win. */
class GenAiTracingAutoConfigurationTest {

    private static final String PROMPT = "a paper crane, secret-prompt-91e0";

    private final ApplicationContextRunner runner = GenAiContextRunners.withTestProviders()
            .withConfiguration(AutoConfigurations.of(GenAiTracingAutoConfiguration.class))
            .withPropertyValues("genai.chains.main.providers=good,broken", "genai.chains.main.last-resort=card",
                    "genai.chains.failing.providers=broken");

    @Test
    void withoutAnObservationRegistryNothingIsObservedAndGenerationWorks() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ExecutionObserver.class);
            assertThat(context.getBean("genAiHttpClient")).isNotInstanceOf(ObservedHttpClient.class);
            assertThat(context.getBean(ImageGenerator.class).generate("main", ImageRequest.of(PROMPT)).provider())
                    .isEqualTo("good");
        });
        runner.withClassLoader(new FilteredClassLoader("io.micrometer"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ExecutionObserver.class));
    }

    @Test
    void withAnObservationRegistryEachGenerationAndCallIsAnObservationWithoutThePrompt() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner.withBean(ObservationRegistry.class, () -> registry).run(context -> {
            assertThat(context).getBean(ExecutionObserver.class).isInstanceOf(GenAiObservations.class);
            assertThat(context.getBean("genAiHttpClient")).isInstanceOf(ObservedHttpClient.class);
            assertThat(context.getBean("recordingProviderFactory", TestProviderFactory.class).httpClient())
                    .isSameAs(context.getBean("genAiHttpClient"));

            context.getBean(ImageGenerator.class).generate("main", ImageRequest.of(PROMPT));

            TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo(GenAiObservations.GENERATION, 1)
                    .hasNumberOfObservationsWithNameEqualTo(GenAiObservations.ATTEMPT, 1)
                    .hasObservationWithNameEqualTo(GenAiObservations.GENERATION).that().hasBeenStarted()
                    .hasBeenStopped().hasContextualNameEqualTo("genai generation main")
                    .hasLowCardinalityKeyValue("chain", "main").hasLowCardinalityKeyValue("provider", "good")
                    .hasLowCardinalityKeyValue("model", "good-model").hasLowCardinalityKeyValue("outcome", "DELIVERED")
                    .hasLowCardinalityKeyValue("degraded", "false").doesNotHaveError();
            TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(contexts -> {
                List<String> values = contexts.stream().flatMap(c -> c.getAllKeyValues().stream())
                        .map(KeyValue::getValue).toList();
                assertThat(values).isNotEmpty().noneMatch(value -> value.contains("secret-prompt"));
            });
        });
    }

    @Test
    void aGenerationThatDeliversNothingCarriesItsOutcomeAsTheErrorAndEachCallItsFailureKind() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        runner.withBean(ObservationRegistry.class, () -> registry).run(context -> {
            assertThatThrownBy(() -> context.getBean(ImageGenerator.class).generate("failing",
                    ImageRequest.of(PROMPT))).isInstanceOf(GenerationUnavailableException.class);

            TestObservationRegistryAssert.assertThat(registry)
                    .hasObservationWithNameEqualTo(GenAiObservations.GENERATION).that()
                    .hasLowCardinalityKeyValue("outcome", "UNAVAILABLE").hasLowCardinalityKeyValue("provider", "none")
                    .assertThatError().isInstanceOf(ObservedFailure.class).hasMessage("UNAVAILABLE");
            TestObservationRegistryAssert.assertThat(registry)
                    .hasNumberOfObservationsWithNameEqualTo(GenAiObservations.ATTEMPT, 2)
                    .forAllObservationsWithNameEqualTo(GenAiObservations.ATTEMPT, observation -> observation
                            .hasLowCardinalityKeyValue("provider", "broken")
                            .hasLowCardinalityKeyValue("outcome", "OVERLOADED")
                            .hasHighCardinalityKeyValue("http.status", "503").hasError());
        });
    }

    @Test
    void theApplicationsOwnObserverIsUsedInsteadOfOurs() {
        ExecutionObserver own = ExecutionObserver.NONE;
        runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
                .withBean(ExecutionObserver.class, () -> own)
                .run(context -> assertThat(context).getBean(ExecutionObserver.class).isSameAs(own));
    }

    @Test
    void theApplicationsOwnClientIsObservedToo() {
        HttpClient own = HttpClient.newHttpClient();
        runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
                .withBean("genAiHttpClient", HttpClient.class, () -> own)
                .run(context -> {
                    HttpClient client = context.getBean("genAiHttpClient", HttpClient.class);
                    assertThat(client).isInstanceOf(ObservedHttpClient.class);
                    assertThat(client.version()).isEqualTo(own.version());
                    assertThat(client.connectTimeout()).isEqualTo(own.connectTimeout());
                });
    }
}
