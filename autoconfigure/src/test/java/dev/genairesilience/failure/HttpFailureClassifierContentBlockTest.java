package dev.genairesilience.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpFailureClassifierContentBlockTest {

    private static final String GPT_IMAGE_BLOCK = "{\"error\":{\"message\":\"Your request was rejected by the safety "
            + "system. If you believe this is an error, contact us at help.openai.com and include the request ID "
            + "req_1.\",\"type\":\"image_generation_user_error\",\"param\":null,\"code\":\"moderation_blocked\"}}";

    private static final String DALL_E_BLOCK = "{\"error\":{\"code\":\"content_policy_violation\",\"message\":\"Your "
            + "request was rejected as a result of our safety system. Your prompt may contain text that is not "
            + "allowed by our safety system.\",\"param\":null,\"type\":\"invalid_request_error\"}}";

    private static final String DALL_E_LEGACY = "{\"error\":{\"code\":null,\"message\":\"Your request was rejected "
            + "as a result of our safety system. \",\"param\":null,\"type\":\"invalid_request_error\"}}";

    private final HttpFailureClassifier classifier = new HttpFailureClassifier(Clock.systemUTC());

    private Failure classify(int status, String body) {
        return classifier.classify(status, Map.of(), body);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "gpt-image                   | moderation_blocked       | " + GPT_IMAGE_BLOCK,
        "dall-e                      | content_policy_violation | " + DALL_E_BLOCK,
        "code in type, code null     | moderation_blocked       | "
                + "{\"error\":{\"message\":\"m\",\"type\":\"moderation_blocked\",\"code\":null}}",
        "gateway with only the code  | content_policy_violation | "
                + "{\"error\":{\"code\":\"content_policy_violation\"}}" })
    void openAiModerationCodesOn400AreContentBlockedNamingTheCode(String form, String code, String body) {
        Failure failure = classify(400, body);

        assertThat(failure.kind()).isEqualTo(FailureKind.CONTENT_BLOCKED);
        assertThat(failure.httpStatus()).isEqualTo(400);
        assertThat(failure.message()).isEqualTo("the provider's content policy refused the prompt (" + code + ")");
        assertThat(failure.kind().providerFault()).isFalse();
        assertThat(failure.kind().retryable()).isFalse();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({ "403", "422" })
    void aModerationCodeOnAnother4xxIsStillContentBlocked(int status) {
        assertThat(classify(status, DALL_E_BLOCK).kind()).isEqualTo(FailureKind.CONTENT_BLOCKED);
    }

    @Test
    void legacyDallERefusalWithoutACodeStaysBadRequest() {
        assertThat(classify(400, DALL_E_LEGACY).kind()).isEqualTo(FailureKind.BAD_REQUEST);
    }

    @Test
    void aModerationCodeOnA5xxIsAServerError() {
        assertThat(classify(500, GPT_IMAGE_BLOCK).kind()).isEqualTo(FailureKind.SERVER_ERROR);
    }

    @ParameterizedTest(name = "code {0}")
    @CsvSource({ "invalid_size", "invalid_value", "billing_hard_limit_reached", "moderation", "content_policy" })
    void everyOther400CodeStaysBadRequest(String code) {
        Failure failure = classify(400, "{\"error\":{\"message\":\"m\",\"type\":\"invalid_request_error\",\"param\":"
                + "\"size\",\"code\":\"" + code + "\"}}");

        assertThat(failure.kind()).isEqualTo(FailureKind.BAD_REQUEST);
        assertThat(failure.message()).isEqualTo("m");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Gemini INVALID_ARGUMENT | {\"error\":{\"code\":400,\"message\":\"m\",\"status\":\"INVALID_ARGUMENT\"}}",
        "Hugging Face string     | {\"error\":\"content_policy_violation\"}" })
    void otherProvidersBodiesDocumentNoBlockAndStayBadRequest(String form, String body) {
        assertThat(classify(400, body).kind()).isEqualTo(FailureKind.BAD_REQUEST);
    }
}
