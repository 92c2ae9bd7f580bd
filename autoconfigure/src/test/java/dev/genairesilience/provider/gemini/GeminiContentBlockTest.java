package dev.genairesilience.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GeminiContentBlockTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String reasonOf(String body) throws Exception {
        return GeminiContentBlock.reasonOf(JSON.readTree(body));
    }

    private static String candidateFinishing(String finishReason) {
        return "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"I can't make that image.\"}],"
                + "\"role\":\"model\"},\"finishReason\":\"" + finishReason + "\",\"index\":0}],"
                + "\"modelVersion\":\"gemini-2.5-flash-image\"}";
    }

    @ParameterizedTest(name = "finishReason {0} is a block")
    @ValueSource(strings = { "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY",
        "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION" })
    void policyFinishReasonsAreBlocksNamedByTheReason(String finishReason) throws Exception {
        assertThat(reasonOf(candidateFinishing(finishReason))).isEqualTo(finishReason);
    }

    @ParameterizedTest(name = "finishReason {0} is no block")
    @ValueSource(strings = { "STOP", "MAX_TOKENS", "OTHER", "IMAGE_OTHER", "NO_IMAGE", "LANGUAGE",
        "FINISH_REASON_UNSPECIFIED", "MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL", "TOO_MANY_TOOL_CALLS",
        "SOMETHING_NEW" })
    void finishReasonsNamingNoPolicyAreNoBlock(String finishReason) throws Exception {
        assertThat(reasonOf(candidateFinishing(finishReason))).isNull();
    }

    @ParameterizedTest(name = "blockReason {0} is a block")
    @ValueSource(strings = { "SAFETY", "OTHER", "BLOCKLIST", "PROHIBITED_CONTENT", "IMAGE_SAFETY", "MODEL_ARMOR" })
    void everySetPromptBlockReasonIsABlock(String blockReason) throws Exception {
        String body = "{\"promptFeedback\":{\"blockReason\":\"" + blockReason + "\",\"safetyRatings\":[]},"
                + "\"usageMetadata\":{\"promptTokenCount\":12,\"totalTokenCount\":12},\"modelVersion\":\"m\"}";

        assertThat(reasonOf(body)).isEqualTo(blockReason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unspecified block reason    | {\"promptFeedback\":{\"blockReason\":\"BLOCK_REASON_UNSPECIFIED\"},"
                + "\"candidates\":[{\"finishReason\":\"STOP\"}]}",
        "feedback without a reason   | {\"promptFeedback\":{\"safetyRatings\":[]},\"candidates\":[]}",
        "blank block reason          | {\"promptFeedback\":{\"blockReason\":\" \"}}",
        "not an enum name            | {\"promptFeedback\":{\"blockReason\":\"Blocked: <a prompt echoed>\"}}",
        "numeric block reason        | {\"promptFeedback\":{\"blockReason\":1}}",
        "candidates not an array     | {\"candidates\":{\"finishReason\":\"SAFETY\"}}",
        "no feedback, no candidates  | {\"usageMetadata\":{\"promptTokenCount\":3}}" })
    void answersThatGiveNoReasonAreNoBlock(String form, String body) throws Exception {
        assertThat(reasonOf(body)).isNull();
    }

    @Test
    void aBlockReasonLongerThanAnyEnumNameIsNotRead() throws Exception {
        assertThat(reasonOf("{\"promptFeedback\":{\"blockReason\":\"" + "A".repeat(65) + "\"}}")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "candidate without content, second of two | IMAGE_PROHIBITED_CONTENT | {\"candidates\":[{\"finishReason\":"
                + "\"STOP\"},{\"finishReason\":\"IMAGE_PROHIBITED_CONTENT\",\"index\":1}]}",
        "snake_case proxy, prompt feedback        | PROHIBITED_CONTENT       | {\"prompt_feedback\":{\"block_reason\":"
                + "\"PROHIBITED_CONTENT\"}}",
        "snake_case proxy, finish reason          | IMAGE_SAFETY             | {\"candidates\":[{\"finish_reason\":"
                + "\"IMAGE_SAFETY\"}]}",
        "prompt feedback wins over finish reason  | BLOCKLIST                | {\"promptFeedback\":{\"blockReason\":"
                + "\"BLOCKLIST\"},\"candidates\":[{\"finishReason\":\"SAFETY\"}]}" })
    void theReasonIsFoundWhereverTheAnswerGivesIt(String form, String reason, String body) throws Exception {
        assertThat(reasonOf(body)).isEqualTo(reason);
    }
}
