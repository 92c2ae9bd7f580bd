package dev.genairesilience.chain;

import dev.genairesilience.Resolution;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An image provider that answers an image naming itself and the resolution, or fails with a set
 * {@link Failure}; every call is appended to a log shared between providers, to check the order of calls.
 */
final class FakeProvider implements ImageProvider {

    private final String id;
    private final ProviderCapabilities capabilities;
    private final List<String> callLog;
    private Failure failure;
    private final Map<Resolution, Failure> failureAt = new EnumMap<>(Resolution.class);
    private GenerationCall lastCall;

    FakeProvider(String id, ProviderCapabilities capabilities, List<String> callLog) {
        this.id = id;
        this.capabilities = capabilities;
        this.callLog = callLog;
    }

    static ProviderCapabilities serving(Set<Resolution> resolutions, String... aspectRatios) {
        return new ProviderCapabilities(resolutions, Set.of(aspectRatios), false);
    }

    FakeProvider failingWith(Failure failure) {
        this.failure = failure;
        return this;
    }

    /** Fails every call at {@code resolution} with {@code failure}; {@code null} delivers there again. */
    FakeProvider failingAt(Resolution resolution, Failure failure) {
        if (failure == null) {
            failureAt.remove(resolution);
        } else {
            failureAt.put(resolution, failure);
        }
        return this;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String model() {
        return id + "-model";
    }

    @Override
    public ProviderCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public ProviderImage generate(GenerationCall call) throws Exception {
        callLog.add(id + "@" + call.resolution().label());
        lastCall = call;
        Failure failing = failure != null ? failure : failureAt.get(call.resolution());
        if (failing != null) {
            throw new FailureException(failing);
        }
        return new ProviderImage((id + "@" + call.resolution().label()).getBytes(StandardCharsets.UTF_8), "image/png");
    }

    GenerationCall lastCall() {
        return lastCall;
    }
}
