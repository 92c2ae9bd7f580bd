package dev.genairesilience.failure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Parses the ways servers say how long to wait. Every parser answers {@code null} for text it cannot
 * read, never throws, and keeps absurd but well-formed values as they are: capping them is the engine's
 * decision, not the parser's.
 */
final class ServerWaitHints {

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal MILLIS_PER_SECOND = BigDecimal.valueOf(1_000L);

    private ServerWaitHints() {
    }

    /** {@code Retry-After}: delta seconds (decimals tolerated) or an RFC 1123 HTTP date, relative to {@code clock}. */
    static Duration retryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration seconds = seconds(value);
        if (seconds != null) {
            return seconds;
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    /** OpenAI's {@code retry-after-ms}: milliseconds, decimals tolerated. */
    static Duration millis(String value) {
        BigDecimal ms = nonNegativeDecimal(value);
        return ms == null ? null : toDuration(ms.divide(MILLIS_PER_SECOND));
    }

    /** Seconds as a decimal number, such as {@code 20} or {@code 1.5}. */
    static Duration seconds(String value) {
        BigDecimal s = nonNegativeDecimal(value);
        return s == null ? null : toDuration(s);
    }

    /** Seconds as a JSON number, such as Hugging Face's {@code estimated_time}. */
    static Duration seconds(double value) {
        if (!Double.isFinite(value) || value < 0) {
            return null;
        }
        return toDuration(BigDecimal.valueOf(value));
    }

    /** A protobuf {@code Duration} in its JSON form: decimal seconds with an {@code s} suffix, such as {@code 1.5s}. */
    static Duration protobufDuration(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        return t.length() > 1 && t.endsWith("s") ? seconds(t.substring(0, t.length() - 1)) : null;
    }

    private static BigDecimal nonNegativeDecimal(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        // BigDecimal also reads exponents and signs; a hint is plain digits with at most one dot
        if (t.isEmpty() || t.length() > 40 || !t.matches("\\d+(\\.\\d+)?|\\.\\d+")) {
            return null;
        }
        return new BigDecimal(t);
    }

    private static Duration toDuration(BigDecimal seconds) {
        try {
            BigDecimal whole = seconds.setScale(0, RoundingMode.DOWN);
            long nanos = seconds.subtract(whole).multiply(NANOS_PER_SECOND)
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
            return Duration.ofSeconds(whole.longValueExact(), nanos);
        } catch (ArithmeticException e) {
            // more seconds than a Duration holds: unreadable, not a hint
            return null;
        }
    }
}
