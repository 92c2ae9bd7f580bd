package dev.genairesilience.testkit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pixel size of an image the emulator draws: what the call asked for, so that an image claimed as 4K is 4K.
 *
 * @param width  pixels across, 1 to {@link #MAX_SIDE}
 * @param height pixels down, 1 to {@link #MAX_SIDE}
 */
record ImageSize(int width, int height) {

    /** The longest side the emulator draws; a call asking for more is refused as its API refuses a bad size. */
    static final int MAX_SIDE = 8192;

    /** What a call that names no size gets: every API's default, 1024 × 1024. */
    static final ImageSize DEFAULT = new ImageSize(1024, 1024);

    private static final Pattern RATIO = Pattern.compile("\\s*(\\d{1,4})\\s*:\\s*(\\d{1,4})\\s*");
    private static final int BLOCK = 8;

    ImageSize {
        if (!fits(width) || !fits(height)) {
            throw new IllegalArgumentException("An image size must be 1 to " + MAX_SIDE + " pixels a side, was "
                    + width + "x" + height);
        }
    }

    /** Whether {@code pixels} is a side the emulator draws. */
    static boolean fits(int pixels) {
        return pixels >= 1 && pixels <= MAX_SIDE;
    }

    /**
     * The size of a size class ({@code 1K}, {@code 2K}, {@code 4K}: 1024, 2048, 4096 pixels on the long side) in
     * the shape {@code aspectRatio} ({@code W:H}, or {@code null} for square), the short side a multiple of 8, as the
     * engine maps a resolution to pixels; {@code null} when the ratio is not of the form {@code W:H} with no zero.
     */
    static ImageSize ofClass(String label, String aspectRatio) {
        int longSide = switch (label) {
            case "4K" -> 4096;
            case "2K" -> 2048;
            default -> 1024;
        };
        if (aspectRatio == null) {
            return new ImageSize(longSide, longSide);
        }
        Matcher m = RATIO.matcher(aspectRatio);
        if (!m.matches()) {
            return null;
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        if (w == 0 || h == 0) {
            return null;
        }
        int shortSide = Math.max(BLOCK,
                (int) Math.round((double) longSide * Math.min(w, h) / Math.max(w, h) / BLOCK) * BLOCK);
        return w >= h ? new ImageSize(longSide, shortSide) : new ImageSize(shortSide, longSide);
    }

    /** The longer side. */
    int longSide() {
        return Math.max(width, height);
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
