package dev.genairesilience;

import java.util.Locale;

/**
 * The size class of a generated image, as image APIs name it ("1K", "2K", "4K").
 * Each provider maps it to its own wire value (Gemini {@code imageSize}, OpenAI pixel sizes, …).
 */
public enum Resolution {

    /** About 1024 pixels on the long side. */
    ONE_K("1K", 1024),

    /** About 2048 pixels on the long side. */
    TWO_K("2K", 2048),

    /** About 4096 pixels on the long side. */
    FOUR_K("4K", 4096);

    private final String label;
    private final int longSide;

    Resolution(String label, int longSide) {
        this.label = label;
        this.longSide = longSide;
    }

    /** The name used in configuration, annotations and HTTP headers: {@code 1K}, {@code 2K}, {@code 4K}. */
    public String label() {
        return label;
    }

    /** Nominal pixels on the long side of the image. */
    public int longSide() {
        return longSide;
    }

    /**
     * Parses {@code 1K}, {@code 2K} or {@code 4K} (case-insensitive, the enum names work too).
     *
     * @throws IllegalArgumentException naming the accepted values when {@code text} is none of them
     */
    public static Resolution parse(String text) {
        if (text != null) {
            String t = text.trim().toUpperCase(Locale.ROOT);
            for (Resolution r : values()) {
                if (r.label.equals(t) || r.name().equals(t)) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException("Unknown resolution '" + text + "': expected one of 1K, 2K, 4K");
    }

    @Override
    public String toString() {
        return label;
    }
}
