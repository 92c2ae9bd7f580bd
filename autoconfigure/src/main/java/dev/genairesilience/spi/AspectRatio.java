package dev.genairesilience.spi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An aspect ratio such as {@code 16:9}, and the pixel size it gives at a resolution: the one grammar of aspect
 * ratios, used for requests, chain defaults, provider options and every provider's size mapping.
 *
 * @param width  the width part, at least 1
 * @param height the height part, at least 1
 */
public record AspectRatio(int width, int height) {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,4})\\s*:\\s*(\\d{1,4})\\s*");

    public AspectRatio {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("An aspect ratio's parts must be at least 1");
        }
    }

    /**
     * Parses {@code W:H}, such as {@code 16:9}: whole numbers of 1 to 4 digits, neither zero, spaces allowed around
     * them.
     *
     * @throws IllegalArgumentException when {@code text} is not of that form, saying why
     */
    public static AspectRatio parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not of the form width:height, such as 16:9");
        }
        int width = Integer.parseInt(m.group(1));
        int height = Integer.parseInt(m.group(2));
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("'" + text + "' has a zero side; both parts must be at least 1");
        }
        return new AspectRatio(width, height);
    }

    /** Whether {@link #parse} accepts {@code text}. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The pixel size of this shape with {@code longSide} pixels on its long side, the short side rounded to
     * a multiple of {@code multiple} (models work in blocks of 8 or 16 pixels).
     */
    public PixelSize fit(int longSide, int multiple) {
        int shortSide = (int) Math.round((double) longSide * Math.min(width, height) / Math.max(width, height)
                / multiple) * multiple;
        shortSide = Math.max(multiple, shortSide);
        return width >= height ? new PixelSize(longSide, shortSide) : new PixelSize(shortSide, longSide);
    }

    @Override
    public String toString() {
        return width + ":" + height;
    }
}
