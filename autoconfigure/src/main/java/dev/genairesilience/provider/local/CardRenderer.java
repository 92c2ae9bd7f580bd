package dev.genairesilience.provider.local;

import dev.genairesilience.spi.AspectRatio;
import dev.genairesilience.spi.PixelSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Draws the placeholder card: a neutral background, the prompt word-wrapped (and cut with an ellipsis when
 * it does not fit), and a caption saying it stands in for a generated image. Only off-screen Java2D
 * ({@link BufferedImage}), so it works in headless mode; text needs a font, as any JDK with fontconfig has.
 */
final class CardRenderer {

    /** Pixels on the card's long side, whatever resolution was asked: it is a stand-in, not a render. */
    static final int LONG_SIDE = 1024;

    static final String CAPTION = "Image generation is busy \u2014 placeholder";

    private static final Color BACKGROUND = new Color(0xEC, 0xEF, 0xF1);
    private static final Color FRAME = new Color(0xB0, 0xBE, 0xC5);
    private static final Color TEXT = new Color(0x37, 0x47, 0x4F);
    private static final Color CAPTION_TEXT = new Color(0x78, 0x90, 0x9C);
    private static final String ELLIPSIS = "\u2026";

    private CardRenderer() {
    }

    /** The card's size for an aspect ratio; one that is not of the form {@code W:H} gets a square card. */
    static PixelSize size(String aspectRatio) {
        AspectRatio ratio = AspectRatio.isValid(aspectRatio) ? AspectRatio.parse(aspectRatio) : new AspectRatio(1, 1);
        return ratio.fit(LONG_SIDE, 8);
    }

    /** The card for {@code prompt} as PNG bytes. */
    static byte[] render(String prompt, String aspectRatio) {
        PixelSize size = size(aspectRatio);
        BufferedImage image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, size, prompt == null ? "" : prompt.strip());
        } finally {
            g.dispose();
        }
        return png(image);
    }

    private static void draw(Graphics2D g, PixelSize size, String prompt) {
        int w = size.width();
        int h = size.height();
        int margin = Math.max(4, Math.min(w, h) / 16);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, w, h);
        g.setColor(FRAME);
        g.setStroke(new BasicStroke(2f));
        g.drawRect(margin / 2, margin / 2, w - margin, h - margin);

        Font captionFont = new Font(Font.SANS_SERIF, Font.ITALIC, Math.max(8, Math.min(w, h) / 36));
        g.setFont(captionFont);
        FontMetrics captionMetrics = g.getFontMetrics();
        int captionBaseline = h - margin - captionMetrics.getDescent();
        g.setColor(CAPTION_TEXT);
        g.drawString(fit(CAPTION, captionMetrics, w - 2 * margin), margin, captionBaseline);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(w, h) / 22)));
        FontMetrics metrics = g.getFontMetrics();
        int textHeight = captionBaseline - captionMetrics.getAscent() - 2 * margin;
        int maxLines = Math.max(0, textHeight / metrics.getHeight());
        g.setColor(TEXT);
        int baseline = margin + metrics.getAscent() + margin / 2;
        for (String line : wrap(prompt, metrics, w - 2 * margin, maxLines)) {
            g.drawString(line, margin, baseline);
            baseline += metrics.getHeight();
        }
    }

    /** Lines of at most {@code width} pixels, at most {@code maxLines} of them, the last cut with an ellipsis if need be. */
    static List<String> wrap(String text, FontMetrics metrics, int width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (metrics.stringWidth(candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // a word wider than the card is broken where it reaches the edge
            String rest = word;
            while (metrics.stringWidth(rest) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && metrics.stringWidth(rest.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        if (!kept.isEmpty()) {
            kept.set(maxLines - 1, fit(kept.get(maxLines - 1) + ELLIPSIS, metrics, width));
        }
        return kept;
    }

    /** {@code text}, shortened with an ellipsis until it is at most {@code width} pixels wide. */
    private static String fit(String text, FontMetrics metrics, int width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String base = text.endsWith(ELLIPSIS) ? text.substring(0, text.length() - 1) : text;
        while (!base.isEmpty() && metrics.stringWidth(base + ELLIPSIS) > width) {
            base = base.substring(0, base.length() - 1);
        }
        return base.isEmpty() ? "" : base.stripTrailing() + ELLIPSIS;
    }

    private static byte[] png(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // a memory-cached stream: ImageIO's default may spill to a temporary file
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the placeholder card as PNG", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
