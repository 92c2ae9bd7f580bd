package dev.genairesilience.sample;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.SkippedStep;
import java.util.Base64;
import java.util.List;

/**
 * What {@code POST /api/generations} answers: the image, inline, and everything about where it came from. No prompt
 * and no key: the caller knows the prompt, and keys never leave the engine.
 *
 * @param mimeType        the image's media type
 * @param base64          the image bytes in base64
 * @param provider        the provider id that delivered it
 * @param model           the model that drew it
 * @param resolution      the resolution it was generated at ({@code 1K}, {@code 2K}, {@code 4K})
 * @param askedResolution the resolution the request asked for, or the chain's default
 * @param degraded        whether it is less than the chain's first step asked for
 * @param degradedBecause why it is degraded, one sentence a reason; empty when it is not
 * @param shared          whether identical requests in flight shared this one generation
 * @param attempts        every call made for it, in order, the delivering one last
 * @param skipped         every step passed over without a call, in order
 */
public record GenerationView(String mimeType, String base64, String provider, String model, String resolution,
        String askedResolution, boolean degraded, List<String> degradedBecause, boolean shared,
        List<AttemptView> attempts, List<SkippedView> skipped) {

    /**
     * One call to a provider.
     *
     * @param provider     the provider id
     * @param model        the model asked
     * @param resolution   the resolution asked, or {@code null}
     * @param outcome      {@code OK}, or the failure kind such as {@code OVERLOADED}
     * @param httpStatus   the provider's HTTP status, {@code 0} without an HTTP answer
     * @param durationMs   how long the call took
     * @param waitBeforeMs how long the engine waited before it (backoff or a server's hint)
     * @param timeoutMs    how long the call was allowed, or {@code null} when not known
     */
    public record AttemptView(String provider, String model, String resolution, String outcome, int httpStatus,
            long durationMs, long waitBeforeMs, Long timeoutMs) {

        static AttemptView of(Attempt attempt) {
            return new AttemptView(attempt.provider(), attempt.model(),
                    attempt.resolution() == null ? null : attempt.resolution().label(),
                    attempt.succeeded() ? "OK" : attempt.failure().name(), attempt.httpStatus(),
                    attempt.duration().toMillis(), attempt.waitBefore().toMillis(),
                    attempt.timeout() == null ? null : attempt.timeout().toMillis());
        }
    }

    /**
     * One step passed over without a call.
     *
     * @param provider   the provider id
     * @param model      the model the step would have asked
     * @param resolution the resolution it would have asked, or {@code null}
     * @param reason     why, as {@link SkippedStep.Reason} names it ({@code BREAKER_OPEN}, {@code HELD}, …)
     * @param label      why, in words ({@code breaker open}, {@code held}, …)
     * @param heldForMs  for {@code HELD}, how much longer the server had asked to wait; otherwise {@code 0}
     */
    public record SkippedView(String provider, String model, String resolution, String reason, String label,
            long heldForMs) {

        static SkippedView of(SkippedStep step) {
            return new SkippedView(step.provider(), step.model(),
                    step.resolution() == null ? null : step.resolution().label(), step.reason().name(),
                    step.reason().label(), step.heldFor().toMillis());
        }
    }

    /** The view of {@code image}, asked at {@code asked}, degraded for {@code reasons}. */
    static GenerationView of(GeneratedImage image, String asked, List<String> reasons) {
        return new GenerationView(image.mimeType(), Base64.getEncoder().encodeToString(image.bytes()),
                image.provider(), image.model(), image.resolution().label(), asked, image.degraded(),
                List.copyOf(reasons), image.shared(), image.attempts().stream().map(AttemptView::of).toList(),
                image.skipped().stream().map(SkippedView::of).toList());
    }

    /** Leaves the image's bytes out. */
    @Override
    public String toString() {
        return "GenerationView[" + mimeType + ", provider=" + provider + ", resolution=" + resolution + ", degraded="
                + degraded + ", attempts=" + attempts.size() + ", skipped=" + skipped.size() + "]";
    }
}
