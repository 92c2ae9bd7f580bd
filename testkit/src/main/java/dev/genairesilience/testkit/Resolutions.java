package dev.genairesilience.testkit;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The size classes the emulator tells calls apart by, named as image APIs name them: {@code 1K}, {@code 2K},
 * {@code 4K}. A pixel size belongs to the largest class whose nominal long side (1024, 2048, 4096) it reaches,
 * so every documented 1K size ({@code 1024x1024}, {@code 1536x1024}, {@code 1792x1024}) is 1K.
 */
final class Resolutions {

    /** The classes, smallest first. */
    static final List<String> LABELS = List.of("1K", "2K", "4K");

    /** What a call asks for when its request names no size: every API's default is its 1K size. */
    static final String DEFAULT = "1K";

    private static final int TWO_K_LONG_SIDE = 2048;
    private static final int FOUR_K_LONG_SIDE = 4096;

    private Resolutions() {
    }

    /**
     * {@code label} as the emulator writes it, upper case.
     *
     * @throws IllegalArgumentException naming {@code name} and the accepted values when it is none of them
     */
    static String require(String label, String name) {
        Objects.requireNonNull(label, name);
        String upper = label.trim().toUpperCase(Locale.ROOT);
        if (!LABELS.contains(upper)) {
            throw new IllegalArgumentException(name + " must be one of " + String.join(", ", LABELS) + ", was '"
                    + label + "'");
        }
        return upper;
    }

    /** The class of an image whose longer side has {@code pixels}. */
    static String ofLongSide(int pixels) {
        return pixels >= FOUR_K_LONG_SIDE ? "4K" : pixels >= TWO_K_LONG_SIDE ? "2K" : "1K";
    }

    /**
     * The room a call of class {@code label} takes in a capacity counted by resolution: 1K 1 unit, 2K 2, 4K 4. The
     * troubleshooting guide's "a 4K request can require 3-4 times the GPU resources of an HD request", rather than
     * the pixel count (which would make 4K 16 times 1K).
     */
    static int room(String label) {
        return switch (label) {
            case "4K" -> 4;
            case "2K" -> 2;
            default -> 1;
        };
    }
}
