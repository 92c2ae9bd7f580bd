package dev.genairesilience.testkit;

import static dev.genairesilience.testkit.EmulatorClient.GEMINI_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.HF_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.OPENAI_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ApiKeyTest {

    @RegisterExtension
    static ProviderEmulatorExtension extension = new ProviderEmulatorExtension();

    private final ProviderEmulator emulator = extension.emulator();
    private final EmulatorClient client = new EmulatorClient(emulator);

    @Test
    void onlyTheExpectedKeyIsServedInEveryApi() throws Exception {
        emulator.model(GEMINI_MODEL).expectApiKey("AIza-good");
        emulator.model(OPENAI_MODEL).expectApiKey("sk-good");
        emulator.model(HF_MODEL).expectApiKey("hf_good");

        assertThat(client.gemini(GEMINI_MODEL, "AIza-bad", "p").statusCode()).isEqualTo(401);
        assertThat(client.openAi(OPENAI_MODEL, "sk-bad", "p").statusCode()).isEqualTo(401);
        assertThat(client.huggingFace(HF_MODEL, "hf_bad", "p", false).statusCode()).isEqualTo(401);
        assertThat(client.gemini(GEMINI_MODEL, "AIza-good", "p").statusCode()).isEqualTo(200);
        assertThat(client.openAi(OPENAI_MODEL, "sk-good", "p").statusCode()).isEqualTo(200);
        assertThat(client.huggingFace(HF_MODEL, "hf_good", "p", false).statusCode()).isEqualTo(200);
    }

    @Test
    void aCallWithoutAnyKeyIsUnauthorized() throws Exception {
        emulator.model(OPENAI_MODEL).expectApiKey("sk-good");
        HttpRequest noKey = HttpRequest.newBuilder(emulator.baseUrl().resolve("/v1/images/generations"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + OPENAI_MODEL + "\",\"prompt\":\"p\"}"))
                .build();

        assertThat(client.send(noKey).statusCode()).isEqualTo(401);
        assertThat(EmulatorClient.json(client.send(noKey)).path("error").path("code").asText())
                .isEqualTo("invalid_api_key");
    }

    @Test
    void theKeyIsCheckedBeforeQueuedFaults() throws Exception {
        emulator.model(GEMINI_MODEL).expectApiKey("AIza-good").failNext(1, Fault.OVERLOADED);

        assertThat(client.gemini(GEMINI_MODEL, "AIza-bad", "p").statusCode()).isEqualTo(401);
        assertThat(client.gemini(GEMINI_MODEL, "AIza-good", "p").statusCode()).isEqualTo(503);
    }

    @Test
    void geminiMetadataAlsoChecksTheKey() throws Exception {
        emulator.model(GEMINI_MODEL).expectApiKey("AIza-good");

        int withoutKey = client.get("/v1beta/models/" + GEMINI_MODEL).statusCode();
        int withKey = client.get("/v1beta/models/" + GEMINI_MODEL + "?key=AIza-good").statusCode();

        assertThat(withoutKey).isEqualTo(401);
        assertThat(withKey).isEqualTo(200);
    }
}
