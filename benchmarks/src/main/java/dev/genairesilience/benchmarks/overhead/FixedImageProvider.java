package dev.genairesilience.benchmarks.overhead;

import dev.genairesilience.Resolution;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;
import javax.imageio.ImageIO;

/** An in-process provider that answers every call with the same small PNG, drawn once: no HTTP, no waiting. */
public final class FixedImageProvider implements ImageProvider {

    private static final byte[] PNG = drawOnce();
    private static final ProviderCapabilities CAPABILITIES =
            new ProviderCapabilities(EnumSet.allOf(Resolution.class), Set.of(), false);

    private final String id;

    /** @param id the provider id under {@code genai.providers} */
    public FixedImageProvider(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String model() {
        return "fixed-png";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ProviderImage generate(GenerationCall call) {
        return new ProviderImage(PNG, "image/png");
    }

    private static byte[] drawOnce() {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
