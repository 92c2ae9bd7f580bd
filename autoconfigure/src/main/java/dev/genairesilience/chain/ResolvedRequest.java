package dev.genairesilience.chain;

import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.Resolution;
import dev.genairesilience.spi.AspectRatio;
import java.time.Duration;

/**
 * A request with the chain's defaults filled in and every value checked, before any call is made.
 * {@link #toString()} hides the prompt.
 */
record ResolvedRequest(String prompt, Resolution resolution, String aspectRatio, Duration deadline) {

    private static final String DEFAULT_ASPECT_RATIO = "1:1";

    /** @throws GenerationRejectedException naming the field at fault */
    static ResolvedRequest of(ImageRequest request, ChainDefinition chain) {
        if (request.prompt() == null || request.prompt().isBlank()) {
            throw new GenerationRejectedException("prompt", "must not be blank");
        }
        Resolution resolution = request.resolution() != null ? request.resolution() : chain.resolution();
        if (resolution == null) {
            throw new GenerationRejectedException("resolution",
                    "not given, and chain '" + chain.name() + "' has no default resolution");
        }
        String aspectRatio = aspectRatio(firstNonNull(request.aspectRatio(), chain.aspectRatio(),
                DEFAULT_ASPECT_RATIO));
        Duration deadline = request.deadline() != null ? request.deadline() : chain.deadline();
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new GenerationRejectedException("deadline", "must be positive, was " + deadline);
        }
        return new ResolvedRequest(request.prompt(), resolution, aspectRatio, deadline);
    }

    /** The ratio in its one form, {@code W:H}; refused here, before any provider sees it. */
    private static String aspectRatio(String text) {
        try {
            return AspectRatio.parse(text).toString();
        } catch (IllegalArgumentException e) {
            throw new GenerationRejectedException("aspectRatio", e.getMessage());
        }
    }

    private static String firstNonNull(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    @Override
    public String toString() {
        return "ResolvedRequest[prompt=<" + prompt.length() + " chars>, resolution=" + resolution + ", aspectRatio="
                + aspectRatio + ", deadline=" + deadline + "]";
    }
}
