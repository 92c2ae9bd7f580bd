package dev.genairesilience.testkit;

import java.awt.Color;

/**
 * Draws the PNG an emulated model "generates", at the pixel size the call asked for: two colours derived from the
 * prompt, in bands across the image (the sky and the ground); and the black one a safety checker returns in place
 * of an image it flagged. Rows of one colour make it cheap at any size ({@link BandedPng}).
 */
final class PngRenderer {

    /** The same prompt at the same size always gives the same image; different prompts almost always differ. */
    byte[] render(String prompt, ImageSize size) {
        float hue = (prompt.hashCode() & 0xFFFF) / 65536f;
        int base = Color.HSBtoRGB(hue, 0.6f, 0.9f);
        int accent = Color.HSBtoRGB((hue + 0.5f) % 1f, 0.7f, 0.5f);
        int horizon = size.height() * 5 / 8;
        return BandedPng.encode(size.width(), size.height(), y -> y < horizon ? base : accent);
    }

    /** The image for {@code prompt} at the size a call that names none gets. */
    byte[] render(String prompt) {
        return render(prompt, ImageSize.DEFAULT);
    }

    /** An all-black image of {@code size}. */
    byte[] black(ImageSize size) {
        return BandedPng.encode(size.width(), size.height(), y -> 0);
    }
}
