package dev.genairesilience;

import java.time.Duration;
import java.util.Objects;

/**
 * A step of a chain that the engine passed over without calling its provider, and why: part of every result's
 * provenance ({@link GeneratedImage#skipped()}) and of every {@link GenerationUnavailableException}. A step passed
 * over because its lane was full may still have been called later in the same request, once it had room; that call
 * is then among the attempts.
 *
 * @param provider   the provider id from configuration (or the model, for {@code @ModelFallback(models = …)})
 * @param model      the model the step would have asked
 * @param resolution the resolution it would have asked, or {@code null} where resolution does not apply
 * @param reason     why it was passed over
 * @param heldFor    for {@link Reason#HELD}, how much longer the server had asked to wait; otherwise zero
 */
public record SkippedStep(String provider, String model, Resolution resolution, Reason reason, Duration heldFor) {

    /** Why a step was passed over. */
    public enum Reason {
        /** Its provider's lane had as many calls in flight as its concurrency limit allows. */
        LIMIT("limit"),
        /** Its provider's requests per minute (the application's, or the quota it learned) were spent. */
        RATE("rate"),
        /** Its provider's circuit breaker refused a call. */
        BREAKER_OPEN("breaker open"),
        /** A server's wait hint ({@code Retry-After}, {@code retryDelay}, {@code estimated_time}) still held it. */
        HELD("held"),
        /** A hold had just ended, and another request's call was finding out whether the provider is back. */
        HOLD_PROBE("hold probe pending"),
        /** Its provider had been given up for this request (a refused key, an unknown model, a blocked prompt). */
        GIVEN_UP("given up"),
        /** What the deadline left for its provider, after the later providers' needs, was too short for a call. */
        SHARE_SPENT("share spent"),
        /**
         * Its resolution was failing on its provider while a lower rung of the chain's degrade ladder delivered
         * ({@code genai.chains.<name>.adaptive-resolution}): the provider's steps started lower.
         */
        RESOLUTION_FAILING("resolution failing"),
        /** The deadline had passed. */
        DEADLINE("deadline reached");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        /** The short form used in {@link SkippedStep#summary()}: {@code limit}, {@code breaker open}, … */
        public String label() {
            return label;
        }
    }

    public SkippedStep {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reason, "reason");
        heldFor = heldFor == null ? Duration.ZERO : heldFor;
    }

    /** A compact form for headers and logs: {@code provider/2K:skipped(held 8000ms)}. */
    public String summary() {
        StringBuilder s = new StringBuilder(provider);
        if (resolution != null) {
            s.append('/').append(resolution.label());
        }
        s.append(":skipped(").append(reason.label());
        if (reason == Reason.HELD) {
            s.append(' ').append(heldFor.toMillis()).append("ms");
        }
        return s.append(')').toString();
    }
}
