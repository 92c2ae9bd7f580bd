package dev.genairesilience.testkit;

import static dev.genairesilience.testkit.EmulatorClient.GEMINI_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.HF_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.OPENAI_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SuccessAnswersTest {

    @RegisterExtension
    static ProviderEmulatorExtension extension = new ProviderEmulatorExtension();

    private final ProviderEmulator emulator = extension.emulator();
    private final EmulatorClient client = new EmulatorClient(emulator);

    @Test
    void baseUrlIsLoopbackWithItsPortAndNoTrailingSlash() {
        assertThat(emulator.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + emulator.port());
    }

    @Test
    void geminiAnswersATextPartAndAnInlinePng() throws Exception {
        HttpResponse<byte[]> response = client.gemini(GEMINI_MODEL, "k", "a red fox");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode candidate = EmulatorClient.json(response).path("candidates").path(0);
        assertThat(candidate.path("finishReason").asText()).isEqualTo("STOP");
        assertThat(candidate.path("content").path("role").asText()).isEqualTo("model");
        JsonNode parts = candidate.path("content").path("parts");
        assertThat(parts.path(0).path("text").asText()).isNotBlank();
        JsonNode inline = parts.path(1).path("inlineData");
        assertThat(inline.path("mimeType").asText()).isEqualTo("image/png");
        assertThat(EmulatorClient.image(Base64.getDecoder().decode(inline.path("data").asText()))).isNotNull();
        assertThat(emulator.model(GEMINI_MODEL).successes()).isEqualTo(1);
    }

    @Test
    void openAiAnswersB64Json() throws Exception {
        HttpResponse<byte[]> response = client.openAi(OPENAI_MODEL, "k", "a red fox");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = EmulatorClient.json(response);
        assertThat(body.path("created").asLong()).isPositive();
        byte[] png = Base64.getDecoder().decode(body.path("data").path(0).path("b64_json").asText());
        assertThat(EmulatorClient.image(png)).isNotNull();
    }

    @Test
    void huggingFaceAnswersRawPngBytes() throws Exception {
        HttpResponse<byte[]> response = client.huggingFace(HF_MODEL, "k", "a red fox", false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("image/png");
        assertThat(EmulatorClient.image(response.body())).isNotNull();
        assertThat(emulator.model(HF_MODEL).calls()).isEqualTo(1);
    }

    @Test
    void imagesAreOfTheAskedSizeAndTheirColourFollowsThePrompt() throws Exception {
        byte[] fox = client.huggingFace(HF_MODEL, "k", "a red fox", false).body();
        byte[] sameFox = client.huggingFace(HF_MODEL, "k", "a red fox", false).body();
        byte[] owl = client.huggingFace(HF_MODEL, "k", "a snowy owl at night", false).body();

        // the client asks for 1024x1024
        assertThat(EmulatorClient.image(fox).getWidth()).isEqualTo(1024);
        assertThat(EmulatorClient.image(fox).getHeight()).isEqualTo(1024);
        assertThat(sameFox).isEqualTo(fox);
        assertThat(EmulatorClient.image(owl).getRGB(0, 0)).isNotEqualTo(EmulatorClient.image(fox).getRGB(0, 0));
    }

    @Test
    void geminiMetadataIsServedWithoutCountingAsACall() throws Exception {
        HttpResponse<byte[]> response = client.get("/v1beta/models/" + GEMINI_MODEL);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EmulatorClient.json(response).path("name").asText()).isEqualTo("models/" + GEMINI_MODEL);
        assertThat(emulator.model(GEMINI_MODEL).calls()).isZero();
    }

    @Test
    void everyGenerationCallIsRecordedAsItArrived() throws Exception {
        client.openAi(OPENAI_MODEL, "sk-secret", "a red fox");

        RecordedCall call = emulator.model(OPENAI_MODEL).recordedCalls().get(0);
        assertThat(call.api()).isEqualTo(Api.OPENAI);
        assertThat(call.path()).isEqualTo("/v1/images/generations");
        assertThat(call.header("Authorization")).isEqualTo("Bearer sk-secret");
        assertThat(call.body()).contains("\"prompt\":\"a red fox\"");
    }

    @Test
    void recordedCallsNeverPrintKeysOrPrompts() throws Exception {
        client.gemini(GEMINI_MODEL, "AIza-secret", "a red fox");
        client.openAi(OPENAI_MODEL, "sk-secret", "a red fox");

        String shown = emulator.model(GEMINI_MODEL).recordedCalls() + " "
                + emulator.model(OPENAI_MODEL).recordedCalls();
        assertThat(shown).contains("x-goog-api-key=****", "authorization=****")
                .doesNotContain("secret", "red fox");
    }

    @Test
    void geminiAcceptsTheKeyAsAQueryParameter() throws Exception {
        emulator.model(GEMINI_MODEL).expectApiKey("AIza-q");
        HttpRequest request = HttpRequest.newBuilder(emulator.baseUrl()
                        .resolve("/v1beta/models/" + GEMINI_MODEL + ":generateContent?key=AIza-q"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"contents\":[{\"parts\":[{\"text\":\"a fox\"}]}]}"))
                .build();

        assertThat(client.send(request).statusCode()).isEqualTo(200);
    }

    @Test
    void aDefaultHttp2ClientIsServedOverHttp11() throws Exception {
        HttpClient defaultClient = HttpClient.newHttpClient();

        HttpResponse<byte[]> response = defaultClient.send(client.openAiRequest(OPENAI_MODEL, "k", "a fox"),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void anInvalidBodyIsA400InTheApisOwnShape() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        emulator.baseUrl().resolve("/models/" + HF_MODEL))
                .POST(HttpRequest.BodyPublishers.ofString("{\"parameters\":{}}"))
                .build();

        HttpResponse<byte[]> response = client.send(request);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(EmulatorClient.json(response).path("error").asText()).contains("inputs");
        assertThat(emulator.model(HF_MODEL).successes()).isZero();
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws Exception {
        assertThat(client.get("/v2/nothing").statusCode()).isEqualTo(404);
        assertThat(client.get("/v1/images/generations").statusCode()).isEqualTo(405);
    }
}
