package dev.genairesilience.provider.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads whether a {@code generateContent} answer without an image says the content policy refused it. Gemini
 * blocks with a 200: the API documents no 4xx for a blocked prompt (its troubleshooting page lists 400 only for a
 * malformed request and an unavailable free tier), so a block is read from the body.
 *
 * <p>Followed: the Gemini API's own definition of {@code GenerateContentResponse} and {@code Candidate}, in
 * {@code google/ai/generativelanguage/v1beta/generative_service.proto} of googleapis/googleapis (2025), which the
 * reference page {@code ai.google.dev/api/generate-content} renders; Google's genai SDKs list the same values.
 * Values are read only when they look like the enum names the API sends, so a hostile body cannot put an
 * arbitrary string into a message.
 * <ul>
 *   <li>{@code promptFeedback.blockReason}: "If set, the prompt was blocked and no candidates are returned.
 *       Rephrase the prompt." Every value set is a block ({@code SAFETY}, {@code OTHER}, {@code BLOCKLIST},
 *       {@code PROHIBITED_CONTENT}, {@code IMAGE_SAFETY}, and any added later) except the unused default
 *       {@code BLOCK_REASON_UNSPECIFIED}.</li>
 *   <li>A candidate's {@code finishReason}, where only the reasons that name a policy are blocks: {@code SAFETY},
 *       {@code RECITATION}, {@code BLOCKLIST}, {@code PROHIBITED_CONTENT}, {@code SPII}, {@code IMAGE_SAFETY},
 *       {@code IMAGE_PROHIBITED_CONTENT} and {@code IMAGE_RECITATION}. Recitation is a block too: a policy refused the
 *       output for resembling protected material, which says nothing of the provider's health. Not blocks, so still
 *       malformed answers: {@code STOP} (a text-only refusal carries no reason to read), {@code MAX_TOKENS}
 *       (an output limit), {@code OTHER} and {@code IMAGE_OTHER} ("unknown" and "other miscellaneous issue": no
 *       policy named), {@code NO_IMAGE} ("expected to generate an image, but none was generated"),
 *       {@code LANGUAGE} (an unsupported language, not a policy) and the tool-call reasons.</li>
 * </ul>
 * Vertex AI's {@code MODEL_ARMOR} and {@code JAILBREAK} are not values of the Gemini API, so they are not listed;
 * a {@code blockReason} of either would still count, as every set {@code blockReason} does.
 */
final class GeminiContentBlock {

    private static final String UNSPECIFIED = "BLOCK_REASON_UNSPECIFIED";

    private static final Pattern ENUM_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private static final Set<String> BLOCKING_FINISH_REASONS = Set.of("SAFETY", "RECITATION", "BLOCKLIST",
            "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT", "IMAGE_RECITATION");

    private GeminiContentBlock() {
    }

    /**
     * The reason {@code answer} gives for refusing the content: its {@code promptFeedback.blockReason}, else the
     * first blocking {@code finishReason} among its candidates; {@code null} when it gives none. Read in camelCase
     * as the REST API answers, and in the snake_case some proxies answer.
     */
    static String reasonOf(JsonNode answer) {
        String blockReason = text(field(field(answer, "promptFeedback", "prompt_feedback"), "blockReason",
                "block_reason"));
        if (blockReason != null && !UNSPECIFIED.equals(blockReason)) {
            return blockReason;
        }
        JsonNode candidates = answer.path("candidates");
        for (JsonNode candidate : candidates.isArray() ? candidates : MissingNode.getInstance()) {
            String finishReason = text(field(candidate, "finishReason", "finish_reason"));
            if (finishReason != null && BLOCKING_FINISH_REASONS.contains(finishReason)) {
                return finishReason;
            }
        }
        return null;
    }

    private static JsonNode field(JsonNode node, String camelCase, String snakeCase) {
        return node.has(camelCase) ? node.path(camelCase) : node.path(snakeCase);
    }

    private static String text(JsonNode node) {
        return node.isTextual() && ENUM_NAME.matcher(node.asText()).matches() ? node.asText() : null;
    }
}
