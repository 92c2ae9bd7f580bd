package dev.genairesilience.benchmarks.overhead;

import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ImageProviderFactory;
import dev.genairesilience.spi.ProviderSettings;
import java.net.http.HttpClient;

/** Providers of type {@code fixed}: {@link FixedImageProvider}s, which need no key. */
public final class FixedImageProviderFactory implements ImageProviderFactory {

    @Override
    public String type() {
        return "fixed";
    }

    @Override
    public boolean requiresApiKey() {
        return false;
    }

    @Override
    public ImageProvider create(ProviderSettings settings, HttpClient httpClient) {
        return new FixedImageProvider(settings.id());
    }
}
