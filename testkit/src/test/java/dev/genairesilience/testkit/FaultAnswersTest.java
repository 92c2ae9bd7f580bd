package dev.genairesilience.testkit;

import static dev.genairesilience.testkit.EmulatorClient.GEMINI_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.HF_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.OPENAI_MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FaultAnswersTest {

    @RegisterExtension
    static ProviderEmulatorExtension extension = new ProviderEmulatorExtension();

    private static final Map<Fault, Integer> STATUS = Map.ofEntries(
            Map.entry(Fault.OVERLOADED, 503), Map.entry(Fault.LOADING, 503), Map.entry(Fault.RATE_LIMITED, 429),
            Map.entry(Fault.BAD_REQUEST, 400), Map.entry(Fault.UNPROCESSABLE, 422),
            Map.entry(Fault.UNAUTHORIZED, 401), Map.entry(Fault.FORBIDDEN, 403), Map.entry(Fault.NOT_FOUND, 404),
            Map.entry(Fault.SERVER_ERROR, 500), Map.entry(Fault.BAD_GATEWAY, 502),
            Map.entry(Fault.GATEWAY_TIMEOUT, 504), Map.entry(Fault.MALFORMED, 200));

    private static final Map<Fault, String> GEMINI_STATUS = Map.of(
            Fault.OVERLOADED, "UNAVAILABLE", Fault.LOADING, "UNAVAILABLE", Fault.RATE_LIMITED, "RESOURCE_EXHAUSTED",
            Fault.BAD_REQUEST, "INVALID_ARGUMENT", Fault.UNAUTHORIZED, "UNAUTHENTICATED",
            Fault.FORBIDDEN, "PERMISSION_DENIED", Fault.NOT_FOUND, "NOT_FOUND", Fault.SERVER_ERROR, "INTERNAL",
            Fault.GATEWAY_TIMEOUT, "DEADLINE_EXCEEDED");

    private final ProviderEmulator emulator = extension.emulator();
    private final EmulatorClient client = new EmulatorClient(emulator);

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"DROP_CONNECTION", "CONTENT_BLOCKED", "PROMPT_BLOCKED",
        "OUT_OF_CREDITS"}, mode = EnumSource.Mode.EXCLUDE)
    void everyFaultHasItsStatusInEveryApi(Fault fault) throws Exception {
        emulator.model(GEMINI_MODEL).failNext(1, fault);
        emulator.model(OPENAI_MODEL).failNext(1, fault);
        emulator.model(HF_MODEL).failNext(1, fault);

        assertThat(client.gemini(GEMINI_MODEL, "k", "p").statusCode()).isEqualTo(STATUS.get(fault));
        assertThat(client.openAi(OPENAI_MODEL, "k", "p").statusCode()).isEqualTo(STATUS.get(fault));
        assertThat(client.huggingFace(HF_MODEL, "k", "p", false).statusCode()).isEqualTo(STATUS.get(fault));
    }

    @Test
    void outOfCreditsIsA402WhereTheApiHasOneAndElseForbidden() throws Exception {
        emulator.model(GEMINI_MODEL).failNext(1, Fault.OUT_OF_CREDITS);
        emulator.model(OPENAI_MODEL).failNext(1, Fault.OUT_OF_CREDITS);
        emulator.model(HF_MODEL).failNext(1, Fault.OUT_OF_CREDITS);

        assertThat(client.gemini(GEMINI_MODEL, "k", "p").statusCode()).isEqualTo(403);
        assertThat(client.openAi(OPENAI_MODEL, "k", "p").statusCode()).isEqualTo(403);
        assertThat(client.huggingFace(HF_MODEL, "k", "p", false).statusCode()).isEqualTo(402);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"OVERLOADED", "LOADING", "RATE_LIMITED", "BAD_REQUEST", "UNAUTHORIZED",
        "FORBIDDEN", "NOT_FOUND", "SERVER_ERROR", "GATEWAY_TIMEOUT"})
    void geminiErrorsCarryCodeStatusAndMessage(Fault fault) throws Exception {
        emulator.model(GEMINI_MODEL).failNext(1, fault);

        JsonNode error = EmulatorClient.json(client.gemini(GEMINI_MODEL, "k", "p")).path("error");

        assertThat(error.path("code").asInt()).isEqualTo(STATUS.get(fault));
        assertThat(error.path("status").asText()).isEqualTo(GEMINI_STATUS.get(fault));
        assertThat(error.path("message").asText()).isNotBlank();
    }

    @Test
    void geminiOverloadIsTheDocumentedUnavailableBody() throws Exception {
        emulator.model(GEMINI_MODEL).failNext(1, Fault.OVERLOADED);

        JsonNode error = EmulatorClient.json(client.gemini(GEMINI_MODEL, "k", "p")).path("error");

        assertThat(error.path("message").asText()).isEqualTo("The model is overloaded. Please try again later.");
    }

    @Test
    void geminiRateLimitCarriesTheHintAsRetryInfo() throws Exception {
        emulator.model(GEMINI_MODEL).hint(Duration.ofMillis(1500)).failNext(1, Fault.RATE_LIMITED);

        JsonNode detail = EmulatorClient.json(client.gemini(GEMINI_MODEL, "k", "p"))
                .path("error").path("details").path(0);

        assertThat(detail.path("@type").asText()).isEqualTo("type.googleapis.com/google.rpc.RetryInfo");
        assertThat(detail.path("retryDelay").asText()).isEqualTo("1.5s");
    }

    @Test
    void gatewayFaultsAnswerAnHtmlPage() throws Exception {
        emulator.model(GEMINI_MODEL).failNext(1, Fault.BAD_GATEWAY);
        emulator.model(OPENAI_MODEL).failNext(1, Fault.GATEWAY_TIMEOUT);

        HttpResponse<byte[]> gemini = client.gemini(GEMINI_MODEL, "k", "p");
        HttpResponse<byte[]> openAi = client.openAi(OPENAI_MODEL, "k", "p");

        assertThat(gemini.headers().firstValue("content-type")).hasValue("text/html");
        assertThat(new String(gemini.body())).contains("502 Bad Gateway");
        assertThat(new String(openAi.body())).contains("504 Gateway Time-out");
    }

    @Test
    void openAiRateLimitCarriesRetryAfterInSecondsAndMillis() throws Exception {
        emulator.model(OPENAI_MODEL).hint(Duration.ofSeconds(7)).failNext(1, Fault.RATE_LIMITED);

        HttpResponse<byte[]> response = client.openAi(OPENAI_MODEL, "k", "p");

        JsonNode error = EmulatorClient.json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(error.path("type").asText()).isEqualTo("requests");
        assertThat(error.has("param")).isTrue();
        assertThat(error.path("param").isNull()).isTrue();
        assertThat(response.headers().firstValue("retry-after")).hasValue("7");
        assertThat(response.headers().firstValue("retry-after-ms")).hasValue("7000");
    }

    @Test
    void openAiErrorsUseTheirDocumentedTypesAndCodes() throws Exception {
        emulator.model(OPENAI_MODEL).failNext(1, Fault.OVERLOADED).failNext(1, Fault.UNAUTHORIZED)
                .failNext(1, Fault.NOT_FOUND).failNext(1, Fault.BAD_REQUEST).failNext(1, Fault.SERVER_ERROR);

        JsonNode overloaded = EmulatorClient.json(client.openAi(OPENAI_MODEL, "k", "p")).path("error");
        JsonNode unauthorized = EmulatorClient.json(client.openAi(OPENAI_MODEL, "k", "p")).path("error");
        JsonNode notFound = EmulatorClient.json(client.openAi(OPENAI_MODEL, "k", "p")).path("error");
        JsonNode badRequest = EmulatorClient.json(client.openAi(OPENAI_MODEL, "k", "p")).path("error");
        JsonNode serverError = EmulatorClient.json(client.openAi(OPENAI_MODEL, "k", "p")).path("error");

        assertThat(overloaded.path("type").asText()).isEqualTo("server_error");
        assertThat(overloaded.path("message").asText())
                .isEqualTo("The engine is currently overloaded, please try again later");
        assertThat(unauthorized.path("code").asText()).isEqualTo("invalid_api_key");
        assertThat(notFound.path("code").asText()).isEqualTo("model_not_found");
        assertThat(badRequest.path("type").asText()).isEqualTo("invalid_request_error");
        assertThat(serverError.path("type").asText()).isEqualTo("server_error");
    }

    @Test
    void huggingFaceLoadingReportsTheHintAsEstimatedTime() throws Exception {
        emulator.model(HF_MODEL).hint(Duration.ofSeconds(2315)).failNext(1, Fault.LOADING);

        JsonNode body = EmulatorClient.json(client.huggingFace(HF_MODEL, "k", "p", false));

        assertThat(body.path("error").asText()).isEqualTo("Model " + HF_MODEL + " is currently loading");
        assertThat(body.path("estimated_time").asDouble()).isEqualTo(2315.0);
    }

    @Test
    void huggingFaceRateLimitCarriesRetryAfter() throws Exception {
        emulator.model(HF_MODEL).hint(Duration.ofSeconds(30)).failNext(1, Fault.RATE_LIMITED);

        HttpResponse<byte[]> response = client.huggingFace(HF_MODEL, "k", "p", false);

        assertThat(response.headers().firstValue("retry-after")).hasValue("30");
        assertThat(EmulatorClient.json(response).path("error").asText()).startsWith("Rate limit reached");
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"OVERLOADED", "BAD_REQUEST", "UNPROCESSABLE", "UNAUTHORIZED",
        "FORBIDDEN", "NOT_FOUND", "SERVER_ERROR"})
    void huggingFaceErrorsAreAnErrorString(Fault fault) throws Exception {
        emulator.model(HF_MODEL).failNext(1, fault);

        JsonNode body = EmulatorClient.json(client.huggingFace(HF_MODEL, "k", "p", false));

        assertThat(body.path("error").isTextual()).isTrue();
    }

    @Test
    void malformedAnswersAre200WithoutAnImage() throws Exception {
        emulator.model(GEMINI_MODEL).failNext(1, Fault.MALFORMED);
        emulator.model(OPENAI_MODEL).failNext(1, Fault.MALFORMED);
        emulator.model(HF_MODEL).failNext(1, Fault.MALFORMED);

        JsonNode gemini = EmulatorClient.json(client.gemini(GEMINI_MODEL, "k", "p"));
        JsonNode openAi = EmulatorClient.json(client.openAi(OPENAI_MODEL, "k", "p"));
        HttpResponse<byte[]> huggingFace = client.huggingFace(HF_MODEL, "k", "p", false);

        assertThat(gemini.path("candidates").path(0).path("content").path("parts").findValues("inlineData")).isEmpty();
        assertThat(openAi.path("data").isArray()).isTrue();
        assertThat(openAi.path("data")).isEmpty();
        assertThat(huggingFace.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(EmulatorClient.image(huggingFace.body())).isNull();
        assertThat(emulator.model(HF_MODEL).successes()).isZero();
    }

    @Test
    void droppedConnectionsFailTheClientWithAnIOException() {
        emulator.model(GEMINI_MODEL).failNext(1, Fault.DROP_CONNECTION);
        emulator.model(OPENAI_MODEL).failNext(1, Fault.DROP_CONNECTION);
        emulator.model(HF_MODEL).failNext(1, Fault.DROP_CONNECTION);

        assertThatThrownBy(() -> client.gemini(GEMINI_MODEL, "k", "p")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> client.openAi(OPENAI_MODEL, "k", "p")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> client.huggingFace(HF_MODEL, "k", "p", false)).isInstanceOf(IOException.class);
    }

    @Test
    void queuedFaultsAnswerInOrderThenTheModelIsHealthy() throws Exception {
        emulator.model(OPENAI_MODEL).failNext(2, Fault.OVERLOADED).failNext(1, Fault.NOT_FOUND);

        assertThat(client.openAi(OPENAI_MODEL, "k", "p").statusCode()).isEqualTo(503);
        assertThat(client.openAi(OPENAI_MODEL, "k", "p").statusCode()).isEqualTo(503);
        assertThat(client.openAi(OPENAI_MODEL, "k", "p").statusCode()).isEqualTo(404);
        assertThat(client.openAi(OPENAI_MODEL, "k", "p").statusCode()).isEqualTo(200);
        assertThat(emulator.model(OPENAI_MODEL).calls()).isEqualTo(4);
        assertThat(emulator.model(OPENAI_MODEL).successes()).isEqualTo(1);
    }
}
