package dev.genairesilience.failure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an error body says, read tolerantly from the shapes the image APIs use: Google's
 * {@code {"error":{"code","message","status","details":[…]}}}, OpenAI's
 * {@code {"error":{"message","type","code"}}} and Hugging Face's {@code {"error":"…","estimated_time":20.0}}.
 * A body that is not JSON, or not one of these shapes, reads as empty; nothing here throws.
 *
 * <p>A content-policy block is read from OpenAI's {@code error.code}, or its {@code error.type}, being one of the
 * Images API's two moderation codes: {@code moderation_blocked} (gpt-image models, with {@code type:
 * image_generation_user_error}, message "Your request was rejected by the safety system…") and
 * {@code content_policy_violation} (DALL·E, with {@code type: invalid_request_error}, message "Your request was
 * rejected as a result of our safety system…"), both with status 400 and OpenAI's error object
 * {@code {"error":{"message","type","param","code"}}}. OpenAI's image generation guide
 * ({@code developers.openai.com/api/docs/guides/image-generation}, 2025) says prompts and images are filtered by
 * its content policy (the {@code moderation} parameter, {@code auto} or {@code low}) but publishes no error code for
 * it, nor does its error-code guide: the two codes are the ones the Images API answers (Azure OpenAI's DALL·E
 * answers {@code content_policy_violation} too, and its content filter {@code content_filter} or
 * {@code contentFilter}, in its error object {@code {"error":{"code","message","inner_error"}}}). Older DALL·E answers with {@code "code": null} and only the
 * message to say so are not read as blocks: a message is prose, not a contract; they stay a {@code BAD_REQUEST},
 * which does not count against the provider either. Google's and Hugging Face's error bodies
 * document no block (Gemini blocks with a 200, Hugging Face documents none), so nothing else is read.
 *
 * @param message       the provider's short error message, or {@code null}
 * @param status        Google's canonical status name ({@code UNAVAILABLE}, {@code RESOURCE_EXHAUSTED}…), or {@code null}
 * @param reason        Google's {@code ErrorInfo.reason} ({@code API_KEY_INVALID}…), or {@code null}
 * @param loading       whether the body says a cold model is loading (Hugging Face)
 * @param retryDelay    Google's {@code RetryInfo.retryDelay}, or {@code null}
 * @param estimatedTime Hugging Face's {@code estimated_time}, or {@code null}
 * @param policyBlock   the moderation code that says the content policy refused the prompt, or {@code null}
 */
record ProviderErrorBody(String message, String status, String reason, boolean loading, Duration retryDelay,
        Duration estimatedTime, String policyBlock) {

    private static final ProviderErrorBody EMPTY = new ProviderErrorBody(null, null, null, false, null, null, null);

    private static final Set<String> POLICY_BLOCK_CODES = Set.of("moderation_blocked", "content_policy_violation",
            "content_filter", "contentFilter");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads {@code body}; an unreadable one gives an empty reading, never an exception. */
    static ProviderErrorBody parse(String body) {
        if (body == null || body.isBlank()) {
            return EMPTY;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException | RuntimeException e) {
            return EMPTY;
        }
        // Google's streaming endpoints wrap the error in an array
        if (root != null && root.isArray() && root.size() > 0) {
            root = root.get(0);
        }
        if (root == null || !root.isObject()) {
            return EMPTY;
        }
        JsonNode error = root.path("error");
        String message = message(error);
        String status = error.isObject() ? text(error.path("status")) : null;
        Duration estimatedTime = root.path("estimated_time").isNumber()
                ? ServerWaitHints.seconds(root.path("estimated_time").asDouble())
                : null;
        boolean loading = root.has("estimated_time")
                || message != null && message.toLowerCase(Locale.ROOT).contains("currently loading");
        return new ProviderErrorBody(message, status, reason(error), loading, retryDelay(error), estimatedTime,
                policyBlock(error));
    }

    private static String policyBlock(JsonNode error) {
        for (String field : List.of("code", "type")) {
            String value = text(error.path(field));
            if (value != null && POLICY_BLOCK_CODES.contains(value)) {
                return value;
            }
        }
        return null;
    }

    private static String message(JsonNode error) {
        if (error.isTextual()) {
            return error.asText();
        }
        if (error.isObject()) {
            return text(error.path("message"));
        }
        // Hugging Face answers validation errors as a list of messages
        if (error.isArray() && error.size() > 0) {
            return text(error.get(0));
        }
        return null;
    }

    private static String reason(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            String type = text(detail.path("@type"));
            if (type != null && type.endsWith("google.rpc.ErrorInfo")) {
                return text(detail.path("reason"));
            }
        }
        return null;
    }

    private static Duration retryDelay(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            String type = text(detail.path("@type"));
            if (type != null && type.endsWith("google.rpc.RetryInfo")) {
                JsonNode delay = detail.path("retryDelay");
                if (delay.isTextual()) {
                    return ServerWaitHints.protobufDuration(delay.asText());
                }
                // the object form {seconds, nanos} that protobuf clients print
                if (delay.isObject() && delay.path("seconds").canConvertToLong()) {
                    long seconds = delay.path("seconds").asLong();
                    long nanos = delay.path("nanos").asLong(0);
                    return seconds < 0 || nanos < 0 ? null : Duration.ofSeconds(seconds, nanos);
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node != null && node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText() : null;
    }
}
