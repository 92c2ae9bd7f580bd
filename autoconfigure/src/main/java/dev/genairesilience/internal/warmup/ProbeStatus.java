package dev.genairesilience.internal.warmup;

import dev.genairesilience.failure.FailureKind;
import java.time.Instant;

/**
 * The last probe of one provider.
 *
 * @param provider            the provider id
 * @param passed              whether it answered
 * @param at                  when the probe ended
 * @param failure             what the failed probe met, or {@code null} when it passed
 * @param httpStatus          the failed probe's HTTP status, or {@code 0}
 * @param consecutiveFailures failed probes in a row, this one included
 */
public record ProbeStatus(String provider, boolean passed, Instant at, FailureKind failure, int httpStatus,
        int consecutiveFailures) {
}
