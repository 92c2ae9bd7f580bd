package dev.genairesilience.testkit;

import static dev.genairesilience.testkit.EmulatorClient.GEMINI_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.HF_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.OPENAI_MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContentBlockAnswersTest {

    @RegisterExtension
    static ProviderEmulatorExtension extension = new ProviderEmulatorExtension();

    private static final String DALL_E = "dall-e-3";

    private final ProviderEmulator emulator = extension.emulator();
    private final EmulatorClient client = new EmulatorClient(emulator);

    @Test
    void geminiContentBlockIsA200CandidateStoppedForImageSafetyWithoutContent() throws Exception {
        emulator.model(GEMINI_MODEL).failNext(1, Fault.CONTENT_BLOCKED);

        HttpResponse<byte[]> response = client.gemini(GEMINI_MODEL, "k", "p");

        JsonNode candidate = EmulatorClient.json(response).path("candidates").path(0);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(candidate.path("finishReason").asText()).isEqualTo("IMAGE_SAFETY");
        assertThat(candidate.has("content")).isFalse();
        assertThat(emulator.model(GEMINI_MODEL).successes()).isZero();
    }

    @Test
    void geminiPromptBlockIsA200WithABlockReasonAndNoCandidates() throws Exception {
        emulator.model(GEMINI_MODEL).failNext(1, Fault.PROMPT_BLOCKED);

        HttpResponse<byte[]> response = client.gemini(GEMINI_MODEL, "k", "p");

        JsonNode body = EmulatorClient.json(response);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.path("promptFeedback").path("blockReason").asText()).isEqualTo("SAFETY");
        assertThat(body.has("candidates")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONTENT_BLOCKED", "PROMPT_BLOCKED"})
    void openAiGptImageBlockIs400ModerationBlocked(Fault block) throws Exception {
        emulator.model(OPENAI_MODEL).failNext(1, block);

        HttpResponse<byte[]> response = client.openAi(OPENAI_MODEL, "k", "p");

        JsonNode error = EmulatorClient.json(response).path("error");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error.path("code").asText()).isEqualTo("moderation_blocked");
        assertThat(error.path("type").asText()).isEqualTo("image_generation_user_error");
        assertThat(error.path("message").asText()).startsWith("Your request was rejected by the safety system.");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONTENT_BLOCKED", "PROMPT_BLOCKED"})
    void openAiDallEBlockIs400ContentPolicyViolation(Fault block) throws Exception {
        emulator.model(DALL_E).failNext(1, block);

        HttpResponse<byte[]> response = client.openAi(DALL_E, "k", "p");

        JsonNode error = EmulatorClient.json(response).path("error");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(error.path("code").asText()).isEqualTo("content_policy_violation");
        assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"CONTENT_BLOCKED", "PROMPT_BLOCKED"})
    void huggingFaceBlockIsTheSafetyCheckersBlackPng(Fault block) throws Exception {
        emulator.model(HF_MODEL).failNext(1, block);

        HttpResponse<byte[]> response = client.huggingFace(HF_MODEL, "k", "p", false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("image/png");
        BufferedImage image = EmulatorClient.image(response.body());
        long notBlack = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                notBlack += (image.getRGB(x, y) & 0xFFFFFF) == 0 ? 0 : 1;
            }
        }
        assertThat(notBlack).as("pixels that are not black").isZero();
        assertThat(emulator.model(HF_MODEL).successes()).isZero();
    }

    @Test
    void blockPromptsContainingBlocksOnlyMatchingPromptsIgnoringCase() throws Exception {
        emulator.model(GEMINI_MODEL).blockPromptsContaining("Forbidden");

        JsonNode blocked = EmulatorClient.json(client.gemini(GEMINI_MODEL, "k", "a FORBIDDEN castle"));
        HttpResponse<byte[]> served = client.gemini(GEMINI_MODEL, "k", "a castle");

        assertThat(blocked.at("/candidates/0/finishReason").asText()).isEqualTo("IMAGE_SAFETY");
        assertThat(EmulatorClient.json(served).at("/candidates/0/content/parts/1/inlineData/data").asText())
                .isNotEmpty();
        assertThat(emulator.model(GEMINI_MODEL).calls()).isEqualTo(2);
        assertThat(emulator.model(GEMINI_MODEL).successes()).isEqualTo(1);
    }

    @Test
    void aBlockingModelLeavesOtherModelsServingTheSamePrompt() throws Exception {
        emulator.model(OPENAI_MODEL).blockPromptsContaining("forbidden");

        assertThat(client.openAi(OPENAI_MODEL, "k", "forbidden fruit").statusCode()).isEqualTo(400);
        assertThat(client.openAi(DALL_E, "k", "forbidden fruit").statusCode()).isEqualTo(200);
    }

    @Test
    void blockPromptsContainingCanAnswerThePromptBlock() throws Exception {
        emulator.model(GEMINI_MODEL).blockPromptsContaining("forbidden", Fault.PROMPT_BLOCKED)
                .blockPromptsContaining("fruit");

        JsonNode body = EmulatorClient.json(client.gemini(GEMINI_MODEL, "k", "forbidden fruit"));

        assertThat(body.path("promptFeedback").path("blockReason").asText()).isEqualTo("SAFETY");
    }

    @Test
    void queuedFaultsAnswerBeforeBlockedPrompts() throws Exception {
        emulator.model(OPENAI_MODEL).blockPromptsContaining("forbidden").failNext(1, Fault.OVERLOADED);

        assertThat(client.openAi(OPENAI_MODEL, "k", "forbidden").statusCode()).isEqualTo(503);
        assertThat(client.openAi(OPENAI_MODEL, "k", "forbidden").statusCode()).isEqualTo(400);
    }

    @Test
    void resetForgetsBlockedPrompts() throws Exception {
        emulator.model(OPENAI_MODEL).blockPromptsContaining("forbidden");

        emulator.reset();

        assertThat(client.openAi(OPENAI_MODEL, "k", "forbidden").statusCode()).isEqualTo(200);
    }

    @Test
    void blockPromptsContainingRefusesAnEmptyFragmentAndFaultsThatAreNoBlock() {
        ModelBehaviour model = emulator.model(OPENAI_MODEL);

        assertThatThrownBy(() -> model.blockPromptsContaining(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fragment");
        assertThatThrownBy(() -> model.blockPromptsContaining("x", Fault.OVERLOADED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block must be");
    }

    @Test
    void toStringKeepsTheBlockedFragmentsHidden() {
        ModelBehaviour model = emulator.model(OPENAI_MODEL).blockPromptsContaining("fragment-marker-5d1e");

        assertThat(model.toString()).doesNotContain("fragment-marker-5d1e");
    }
}
