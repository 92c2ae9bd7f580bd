package dev.genairesilience;

import java.time.Duration;
import java.util.List;

/**
 * No provider could deliver before the deadline: capacity, quota or outage, not the request's fault.
 * Nothing was generated and nothing was charged; the same request may succeed later, after
 * {@link #retryAfter()}.
 */
public class GenerationUnavailableException extends RuntimeException {

    private final String chain;
    private final List<Attempt> attempts;
    private final Duration retryAfter;
    private final List<SkippedStep> skipped;

    public GenerationUnavailableException(String chain, String reason, List<Attempt> attempts, Duration retryAfter) {
        this(chain, reason, attempts, List.of(), retryAfter);
    }

    /**
     * @param skipped the steps passed over without a call, with the reason
     */
    public GenerationUnavailableException(String chain, String reason, List<Attempt> attempts,
            List<SkippedStep> skipped, Duration retryAfter) {
        super(message(chain, reason, attempts, retryAfter));
        this.chain = chain;
        this.attempts = List.copyOf(attempts);
        this.skipped = List.copyOf(skipped);
        this.retryAfter = retryAfter;
    }

    private static String message(String chain, String reason, List<Attempt> attempts, Duration retryAfter) {
        return "Image generation unavailable on chain '" + chain + "': " + reason + ". Nothing was generated and "
                + "nothing was charged; try again in " + retryAfterSeconds(retryAfter) + "s. "
                + attempts.size() + " attempt(s)" + (attempts.isEmpty() ? "" : ": " + summaries(attempts));
    }

    private static String summaries(List<Attempt> attempts) {
        StringBuilder s = new StringBuilder();
        for (Attempt a : attempts) {
            if (s.length() > 0) {
                s.append(", ");
            }
            s.append(a.summary());
        }
        return s.toString();
    }

    /** The chain (or, for {@code @ModelFallback}, the method) that could not deliver. */
    public String chain() {
        return chain;
    }

    /** Every call that was made, in order. */
    public List<Attempt> attempts() {
        return attempts;
    }

    /** Every step passed over without a call, in order, with the reason. */
    public List<SkippedStep> skipped() {
        return skipped;
    }

    /** When trying again is worthwhile: the longest server hint seen, or the engine's estimate. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * {@link #retryAfter()} in whole seconds, rounded up and at least 1: the one figure the message, a
     * {@code Retry-After} header and a problem body all give, so that they never disagree.
     */
    public long retryAfterSeconds() {
        return retryAfterSeconds(retryAfter);
    }

    private static long retryAfterSeconds(Duration retryAfter) {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
