package dev.genairesilience.testkit;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The ways the APIs spell a server wait. */
final class HintFormat {

    // RFC 9110's IMF-fixdate: two-digit day, English names, always GMT
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private HintFormat() {
    }

    /** {@code Retry-After} delta-seconds, rounded up so a client never retries early. */
    static String wholeSeconds(Duration d) {
        long seconds = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
        return Long.toString(seconds);
    }

    /** {@code Retry-After} as an IMF-fixdate, rounded up to the next whole second. */
    static String httpDate(Instant now, Duration d) {
        Instant at = now.plus(d);
        Instant rounded = at.getNano() == 0 ? at : Instant.ofEpochSecond(at.getEpochSecond() + 1);
        return IMF_FIXDATE.format(rounded);
    }

    /** OpenAI's {@code retry-after-ms}. */
    static String millis(Duration d) {
        return Long.toString(d.toMillis());
    }

    /** A protobuf {@code Duration} in JSON, as in Google's {@code RetryInfo.retryDelay}: "7s", "1.5s". */
    static String protobufDuration(Duration d) {
        BigDecimal seconds = BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
        return seconds.stripTrailingZeros().toPlainString() + "s";
    }

    /** Seconds with a fraction, as in Hugging Face's {@code estimated_time}. */
    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
