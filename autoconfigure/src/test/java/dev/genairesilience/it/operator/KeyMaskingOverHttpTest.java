package dev.genairesilience.it.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genairesilience.autoconfigure.GenAiProperties;
import dev.genairesilience.testkit.ProviderEmulator;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code show-values=ALWAYS} on both endpoints, as staging often has it, {@code /actuator/env} and
 * {@code /actuator/configprops} show every other value in clear and none of the keys: given in application
 * properties (kebab and camel case), in the environment, or in the environment through a placeholder.
 */
@DirtiesContext
@ContextConfiguration(initializers = KeyMaskingOverHttpTest.Environment.class)
@SpringBootTest(classes = OperatorTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.import=classpath:dev/genairesilience/it/operator/key-masking.properties")
class KeyMaskingOverHttpTest {

    private static final String PROPS_KEY = "AIza-masking-props-key-7c31";
    private static final String CAMEL_KEY = "sk-masking-camel-key-5d20";
    private static final String ENV_KEY = "sk-masking-env-key-2e98";
    private static final String PLACEHOLDER_TOKEN = "hf_masking-placeholder-token-41a6";
    private static final List<String> KEYS = List.of(PROPS_KEY, CAMEL_KEY, ENV_KEY, PLACEHOLDER_TOKEN);
    private static final ProviderEmulator EMULATOR = ProviderEmulator.start();

    @LocalServerPort
    int port;

    @Autowired
    GenAiProperties properties;

    @DynamicPropertySource
    static void baseUrls(DynamicPropertyRegistry registry) {
        for (String id : List.of("props", "camel", "placeholder", "env")) {
            registry.add("genai.providers." + id + ".base-url", EMULATOR::baseUrl);
        }
    }

    @AfterAll
    static void stopEmulator() {
        EMULATOR.close();
    }

    @Test
    void everyKeyIsBoundYetNoEnvOrConfigpropsResponseShowsOne() {
        assertThat(properties.getProviders()).extractingFromEntries(entry -> entry.getValue().getApiKey())
                .containsExactlyInAnyOrderElementsOf(KEYS);
        ActuatorClient actuator = new ActuatorClient(port);

        List<String> paths = List.of("/actuator/env", "/actuator/env/genai.providers.props.api-key",
                "/actuator/env/genai.providers.placeholder.api-key", "/actuator/env/GENAI_PROVIDERS_ENV_APIKEY",
                "/actuator/env/MASKING_TEST_HF_TOKEN", "/actuator/configprops", "/actuator/configprops/genai");
        List<String> bodies = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<String> response = actuator.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("******");
            bodies.add(response.body());
        }
        for (String key : KEYS) {
            bodies.forEach(body -> assertThat(body).doesNotContain(key));
        }
    }

    @Test
    void theKeysAreMaskedWhereTheyStandWhileOtherValuesShowInClear() {
        ActuatorClient actuator = new ActuatorClient(port);

        assertThat(actuator.json("/actuator/env/genai.providers.props.api-key").path("property").path("value")
                .asText()).isEqualTo("******");
        assertThat(actuator.json("/actuator/env/genai.providers.props.model").path("property").path("value")
                .asText()).isEqualTo("gemini-2.5-flash-image");

        JsonNode providers = genaiBean(actuator.json("/actuator/configprops")).path("properties").path("providers");
        for (String id : List.of("props", "camel", "placeholder", "env")) {
            assertThat(providers.path(id).path("apiKey").asText()).as(id).isEqualTo("******");
        }
        assertThat(providers.path("props").path("model").asText()).isEqualTo("gemini-2.5-flash-image");
    }

    private static JsonNode genaiBean(JsonNode configprops) {
        for (JsonNode context : configprops.path("contexts")) {
            for (JsonNode bean : context.path("beans")) {
                if (bean.path("prefix").asText().equals("genai")) {
                    return bean;
                }
            }
        }
        throw new AssertionError("no configprops bean with prefix genai in " + configprops);
    }

    /** Keys in the environment, as an operator sets them: Boot reads a source named *-systemEnvironment as one. */
    static final class Environment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addLast(new SystemEnvironmentPropertySource(
                    "test-systemEnvironment", Map.of("GENAI_PROVIDERS_ENV_APIKEY", ENV_KEY,
                            "MASKING_TEST_HF_TOKEN", PLACEHOLDER_TOKEN)));
        }
    }
}
