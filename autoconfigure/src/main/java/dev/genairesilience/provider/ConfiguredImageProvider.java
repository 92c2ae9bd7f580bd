package dev.genairesilience.provider;

import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderCapabilities;
import java.time.Duration;
import java.util.Objects;

/**
 * What every configured provider holds the same way: its id, model, capabilities and per-call timeout. A
 * provider type adds only how it makes its one call.
 */
public abstract class ConfiguredImageProvider implements ImageProvider {

    private final String id;
    private final String model;
    private final ProviderCapabilities capabilities;
    private final Duration timeout;

    protected ConfiguredImageProvider(String id, String model, ProviderCapabilities capabilities,
            Duration timeout) {
        this.id = Objects.requireNonNull(id, "id");
        this.model = Objects.requireNonNull(model, "model");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String model() {
        return model;
    }

    @Override
    public final ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public final Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + id + ", model=" + model + "]";
    }
}
