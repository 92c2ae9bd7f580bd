package dev.genairesilience.testkit;

import java.time.Duration;
import java.time.Instant;

/**
 * What a dialect needs to write a fault answer.
 *
 * @param model             the model id called
 * @param hint              the wait the server asks for
 * @param retryAfterAsDate  whether {@code Retry-After} is an HTTP date rather than seconds
 * @param estimatedTime     the loading estimate of a loading answer
 * @param now               when the answer is written, for HTTP dates
 */
record FaultContext(String model, Duration hint, boolean retryAfterAsDate, Duration estimatedTime, Instant now) {

    /** The context of a fault answered now by {@code model}, with the loading estimate given. */
    static FaultContext of(ModelBehaviour model, Duration estimatedTime) {
        return new FaultContext(model.modelId(), model.hint(), model.retryAfterAsHttpDate(), estimatedTime,
                Instant.now());
    }

    /** The {@code Retry-After} header value for the hint. */
    String retryAfter() {
        return retryAfterAsDate ? HintFormat.httpDate(now, hint) : HintFormat.wholeSeconds(hint);
    }
}
