package dev.genairesilience.provider.local;

import dev.genairesilience.Resolution;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.util.EnumSet;
import java.util.Set;

/**
 * The offline last resort: draws a placeholder card with the prompt on it, with no network and no key, so
 * it always answers. It draws 1K only ({@value CardRenderer#LONG_SIDE} pixels on the long side, in the asked
 * aspect ratio), so its provenance never claims more than it delivered; the engine reports it as degraded.
 */
final class LocalCardProvider implements ImageProvider {

    /** The model name it reports. */
    static final String MODEL = "card";

    private static final ProviderCapabilities CAPABILITIES =
            new ProviderCapabilities(EnumSet.of(Resolution.ONE_K), Set.of(), true);

    private final String id;

    LocalCardProvider(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String model() {
        return MODEL;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public ProviderImage generate(GenerationCall call) {
        return new ProviderImage(CardRenderer.render(call.prompt(), call.aspectRatio()), "image/png");
    }

    @Override
    public String toString() {
        return "LocalCardProvider[id=" + id + "]";
    }
}
