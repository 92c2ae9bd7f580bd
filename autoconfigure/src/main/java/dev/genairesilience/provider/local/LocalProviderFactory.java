package dev.genairesilience.provider.local;

import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ImageProviderFactory;
import dev.genairesilience.spi.ProviderSettings;
import java.net.http.HttpClient;

/**
 * Providers of type {@code local}: an offline placeholder card, drawn in-process, the last resort that
 * always answers. Needs no key and makes no HTTP call; its model is {@code card}.
 */
public class LocalProviderFactory implements ImageProviderFactory {

    @Override
    public String type() {
        return "local";
    }

    @Override
    public boolean requiresApiKey() {
        return false;
    }

    /** Drawing a card costs nothing, unless the application prices it. */
    @Override
    public boolean freeOfCharge() {
        return true;
    }

    @Override
    public ImageProvider create(ProviderSettings settings, HttpClient httpClient) {
        return new LocalCardProvider(settings.id());
    }
}
