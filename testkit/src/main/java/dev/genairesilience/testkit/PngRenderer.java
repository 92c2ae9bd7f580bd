package dev.genairesilience.testkit;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws the small PNG an emulated model "generates": two colours derived from the prompt; and the black one a
 * safety checker returns in place of an image it flagged.
 */
final class PngRenderer {

    private static final int SIZE = 64;

    /** The same prompt always gives the same image; different prompts almost always differ. */
    byte[] render(String prompt) {
        float hue = (prompt.hashCode() & 0xFFFF) / 65536f;
        int base = Color.HSBtoRGB(hue, 0.6f, 0.9f);
        int accent = Color.HSBtoRGB((hue + 0.5f) % 1f, 0.7f, 0.5f);
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                image.setRGB(x, y, x + y < SIZE ? base : accent);
            }
        }
        return encode(image);
    }

    /** An all-black image of the same size. */
    byte[] black() {
        return encode(new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB));
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // ImageIO's default stream for an OutputStream spills to a temporary file per image; under load that is
        // a file created and deleted for every answer
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
