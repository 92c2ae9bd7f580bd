package dev.genairesilience.testkit;

import static dev.genairesilience.testkit.EmulatorClient.GEMINI_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.HF_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.OPENAI_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RateLimitTest {

    @RegisterExtension
    static ProviderEmulatorExtension extension = new ProviderEmulatorExtension();

    private final ProviderEmulator emulator = extension.emulator();
    private final EmulatorClient client = new EmulatorClient(emulator);

    @Test
    void callsBeyondTheQuotaAnswer429WithTheHint() throws Exception {
        emulator.model(OPENAI_MODEL).rateLimit(3, Duration.ofMinutes(1)).hint(Duration.ofSeconds(12));

        for (int i = 0; i < 3; i++) {
            assertThat(client.openAi(OPENAI_MODEL, "k", "p").statusCode()).isEqualTo(200);
        }
        HttpResponse<byte[]> limited = client.openAi(OPENAI_MODEL, "k", "p");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).hasValue("12");
        assertThat(limited.headers().firstValue("retry-after-ms")).hasValue("12000");
        assertThat(emulator.model(OPENAI_MODEL).successes()).isEqualTo(3);
    }

    @Test
    void theQuotaFreesUpWhenTheWindowSlidesOn() throws Exception {
        emulator.model(HF_MODEL).rateLimit(1, Duration.ofSeconds(1));

        assertThat(client.huggingFace(HF_MODEL, "k", "p", false).statusCode()).isEqualTo(200);
        assertThat(client.huggingFace(HF_MODEL, "k", "p", false).statusCode()).isEqualTo(429);
        Thread.sleep(1200);
        assertThat(client.huggingFace(HF_MODEL, "k", "p", false).statusCode()).isEqualTo(200);
    }

    @Test
    void geminiQuotaAnswersResourceExhaustedWithRetryDelay() throws Exception {
        emulator.model(GEMINI_MODEL).rateLimit(0, Duration.ofMinutes(1)).hint(Duration.ofSeconds(7));

        HttpResponse<byte[]> limited = client.gemini(GEMINI_MODEL, "k", "p");

        assertThat(EmulatorClient.json(limited).path("error").path("status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(EmulatorClient.json(limited).path("error").path("details").path(0).path("retryDelay").asText())
                .isEqualTo("7s");
    }

    @Test
    void retryAfterCanBeAnHttpDate() throws Exception {
        emulator.model(OPENAI_MODEL).retryAfterAsHttpDate(true).hint(Duration.ofSeconds(30))
                .failNext(1, Fault.RATE_LIMITED);
        Instant before = Instant.now();

        String retryAfter = client.openAi(OPENAI_MODEL, "k", "p").headers().firstValue("retry-after").orElseThrow();

        Instant at = ZonedDateTime.parse(retryAfter, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        assertThat(retryAfter).endsWith(" GMT").matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(at).isBetween(before.plusSeconds(29), before.plusSeconds(40));
    }

    @Test
    void overloadAnswersCarryTheHintInRetryAfter() throws Exception {
        emulator.model(HF_MODEL).hint(Duration.ofMillis(2500)).failNext(1, Fault.OVERLOADED);

        HttpResponse<byte[]> overloaded = client.huggingFace(HF_MODEL, "k", "p", false);

        assertThat(overloaded.headers().firstValue("retry-after")).hasValue("3");
    }
}
