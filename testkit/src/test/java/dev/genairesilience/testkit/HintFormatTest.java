package dev.genairesilience.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HintFormatTest {

    @Test
    void retryAfterSecondsRoundUpSoClientsNeverRetryEarly() {
        assertThat(HintFormat.wholeSeconds(Duration.ofSeconds(7))).isEqualTo("7");
        assertThat(HintFormat.wholeSeconds(Duration.ofMillis(1200))).isEqualTo("2");
        assertThat(HintFormat.wholeSeconds(Duration.ZERO)).isEqualTo("0");
    }

    @Test
    void retryDelayIsAProtobufDuration() {
        assertThat(HintFormat.protobufDuration(Duration.ofSeconds(7))).isEqualTo("7s");
        assertThat(HintFormat.protobufDuration(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(HintFormat.protobufDuration(Duration.ofMillis(250))).isEqualTo("0.25s");
    }

    @Test
    void httpDatesAreImfFixdatesInGmt() {
        Instant now = Instant.parse("2025-06-03T11:05:29.500Z");

        assertThat(HintFormat.httpDate(now, Duration.ofSeconds(1))).isEqualTo("Tue, 03 Jun 2025 11:05:31 GMT");
    }
}
