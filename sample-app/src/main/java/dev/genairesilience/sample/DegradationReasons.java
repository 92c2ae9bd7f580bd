package dev.genairesilience.sample;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.Resolution;
import dev.genairesilience.SkippedStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Says in words why an image is {@code degraded()}: which of the chain's first provider, the asked resolution and
 * the last resort it missed, and what happened to the first provider (its failed calls by kind, and why its steps
 * were passed over), read from the image's own attempts and skipped steps.
 */
final class DegradationReasons {

    private final String firstProvider;
    private final String lastResort;

    /**
     * @param firstProvider the chain's first provider id
     * @param lastResort    the chain's last resort, or {@code null}
     */
    DegradationReasons(String firstProvider, String lastResort) {
        this.firstProvider = Objects.requireNonNull(firstProvider, "firstProvider");
        this.lastResort = lastResort;
    }

    /** The reasons {@code image}, asked at {@code asked}, is degraded; empty when it is not. */
    List<String> of(GeneratedImage image, Resolution asked) {
        List<String> reasons = new ArrayList<>();
        if (!image.degraded()) {
            return reasons;
        }
        if (image.provider().equals(lastResort)) {
            reasons.add("No provider of the chain delivered in time, so its last resort " + lastResort
                    + " drew a placeholder; " + firstProvider + " " + whatHappenedToFirst(image) + ".");
        } else if (!image.provider().equals(firstProvider)) {
            reasons.add("Served by " + image.provider() + ", not the chain's first provider " + firstProvider
                    + ", which " + whatHappenedToFirst(image) + ".");
        }
        if (image.resolution().compareTo(asked) < 0) {
            reasons.add("Delivered at " + image.resolution().label() + ", below the " + asked.label() + " asked"
                    + (image.provider().equals(firstProvider) ? ", a lower rung of the chain's degrade ladder." : "."));
        }
        if (reasons.isEmpty()) {
            reasons.add("Less than the chain's first step asked for.");
        }
        return reasons;
    }

    /** Such as {@code failed 2 calls (OVERLOADED, HTTP 503 ×2) and was passed over (breaker open)}. */
    private String whatHappenedToFirst(GeneratedImage image) {
        Map<String, Integer> failures = new LinkedHashMap<>();
        for (Attempt attempt : image.attempts()) {
            if (attempt.provider().equals(firstProvider) && !attempt.succeeded()) {
                String kind = attempt.failure().name() + (attempt.httpStatus() > 0 ? ", HTTP " + attempt.httpStatus()
                        : "");
                failures.merge(kind, 1, Integer::sum);
            }
        }
        List<String> skips = image.skipped().stream().filter(s -> s.provider().equals(firstProvider))
                .map(DegradationReasons::skipLabel).distinct().toList();
        List<String> parts = new ArrayList<>();
        if (!failures.isEmpty()) {
            int calls = failures.values().stream().mapToInt(Integer::intValue).sum();
            List<String> kinds = failures.entrySet().stream()
                    .map(e -> e.getKey() + (e.getValue() > 1 ? " \u00d7" + e.getValue() : "")).toList();
            parts.add("failed " + calls + (calls == 1 ? " call" : " calls") + " (" + String.join("; ", kinds) + ")");
        }
        if (!skips.isEmpty()) {
            parts.add("was passed over (" + String.join(", ", skips) + ")");
        }
        return parts.isEmpty() ? "was not asked" : String.join(" and ", parts);
    }

    private static String skipLabel(SkippedStep step) {
        return step.reason() == SkippedStep.Reason.HELD
                ? "held " + step.heldFor().toMillis() + " ms more by a server's wait hint" : step.reason().label();
    }
}
