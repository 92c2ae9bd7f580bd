package dev.genairesilience.testkit;

import static dev.genairesilience.testkit.EmulatorClient.GEMINI_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.OPENAI_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The free metadata reads of Gemini and OpenAI: counted apart, key-checked, and scriptable to fail. */
class MetadataReadsTest {

    @RegisterExtension
    static ProviderEmulatorExtension extension = new ProviderEmulatorExtension();

    private final ProviderEmulator emulator = extension.emulator();
    private final EmulatorClient client = new EmulatorClient(emulator);

    @Test
    void openAiDescribesAModelAndTheReadIsCountedApartFromGenerations() throws Exception {
        HttpResponse<byte[]> response = openAiModel("sk-any");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EmulatorClient.json(response).path("id").asText()).isEqualTo(OPENAI_MODEL);
        assertThat(EmulatorClient.json(response).path("object").asText()).isEqualTo("model");
        assertThat(emulator.model(OPENAI_MODEL).metadataCalls()).isEqualTo(1);
        assertThat(emulator.model(OPENAI_MODEL).calls()).isZero();
    }

    @Test
    void metadataReadsCheckTheKeyInEachApisOwnErrorFormat() throws Exception {
        emulator.model(OPENAI_MODEL).expectApiKey("sk-good");
        emulator.model(GEMINI_MODEL).expectApiKey("AIza-good");

        HttpResponse<byte[]> openAi = openAiModel("sk-bad");
        HttpResponse<byte[]> gemini = geminiModel("AIza-bad");

        assertThat(openAi.statusCode()).isEqualTo(401);
        assertThat(EmulatorClient.json(openAi).path("error").path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(gemini.statusCode()).isEqualTo(401);
        assertThat(EmulatorClient.json(gemini).path("error").path("status").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(openAiModel("sk-good").statusCode()).isEqualTo(200);
    }

    @Test
    void aScriptedMetadataFaultAnswersEveryReadUntilClearedAndLeavesGenerationAlone() throws Exception {
        emulator.model(GEMINI_MODEL).metadataFault(Fault.SERVER_ERROR);
        emulator.model(OPENAI_MODEL).metadataFault(Fault.OVERLOADED);

        assertThat(geminiModel("k").statusCode()).isEqualTo(500);
        assertThat(geminiModel("k").statusCode()).isEqualTo(500);
        assertThat(openAiModel("k").statusCode()).isEqualTo(503);
        assertThat(client.gemini(GEMINI_MODEL, "k", "a lighthouse").statusCode()).isEqualTo(200);

        emulator.model(GEMINI_MODEL).metadataFault(null);
        assertThat(geminiModel("k").statusCode()).isEqualTo(200);
        assertThat(emulator.model(GEMINI_MODEL).metadataCalls()).isEqualTo(3);
    }

    @Test
    void resetClearsTheMetadataFaultAndCounter() throws Exception {
        emulator.model(OPENAI_MODEL).metadataFault(Fault.NOT_FOUND);
        assertThat(openAiModel("k").statusCode()).isEqualTo(404);

        emulator.reset();

        assertThat(emulator.model(OPENAI_MODEL).metadataCalls()).isZero();
        assertThat(openAiModel("k").statusCode()).isEqualTo(200);
    }

    private HttpResponse<byte[]> openAiModel(String key) throws Exception {
        return client.send(HttpRequest.newBuilder(emulator.baseUrl().resolve("/v1/models/" + OPENAI_MODEL))
                .header("Authorization", "Bearer " + key).GET().build());
    }

    private HttpResponse<byte[]> geminiModel(String key) throws Exception {
        return client.send(HttpRequest.newBuilder(emulator.baseUrl().resolve("/v1beta/models/" + GEMINI_MODEL))
                .header("x-goog-api-key", key).GET().build());
    }
}
