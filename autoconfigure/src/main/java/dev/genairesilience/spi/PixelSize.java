package dev.genairesilience.spi;

/**
 * An image's size in pixels.
 *
 * @param width  pixels across
 * @param height pixels down
 */
public record PixelSize(int width, int height) {

    /** {@code WxH}, the form OpenAI's {@code size} takes. */
    @Override
    public String toString() {
        return width + "x" + height;
    }
}
