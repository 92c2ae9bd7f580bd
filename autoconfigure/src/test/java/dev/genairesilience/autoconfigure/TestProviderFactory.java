package dev.genairesilience.autoconfigure;

import dev.genairesilience.Resolution;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ImageProviderFactory;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderHttpException;
import dev.genairesilience.spi.ProviderImage;
import dev.genairesilience.spi.ProviderSettings;
import java.net.http.HttpClient;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Offline providers for tests. Type {@code recording} delivers a few bytes and records every call with the
 * thread it ran on; type {@code failing} answers every call with the HTTP status in
 * {@code options.status} (503 by default). Neither needs an API key. {@code options.refuse} makes
 * {@link #create} refuse the configuration.
 */
public final class TestProviderFactory implements ImageProviderFactory {

    /** The bytes a recording provider delivers. */
    public static final byte[] IMAGE = { (byte) 0x89, 'P', 'N', 'G' };

    private static final ProviderCapabilities ANYTHING =
            new ProviderCapabilities(EnumSet.allOf(Resolution.class), Set.of(), false);

    private final String type;
    private final Map<String, List<GenerationCall>> calls = new ConcurrentHashMap<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();
    private volatile HttpClient httpClient;

    private TestProviderFactory(String type) {
        this.type = type;
    }

    public static TestProviderFactory recording() {
        return new TestProviderFactory("recording");
    }

    public static TestProviderFactory failing() {
        return new TestProviderFactory("failing");
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public boolean requiresApiKey() {
        return false;
    }

    @Override
    public ImageProvider create(ProviderSettings settings, HttpClient httpClient) {
        if (settings.options().containsKey("refuse")) {
            throw new IllegalArgumentException("options.refuse is set");
        }
        this.httpClient = httpClient;
        int status = Integer.parseInt(settings.options().getOrDefault("status", "503"));
        return new ImageProvider() {
            @Override
            public String id() {
                return settings.id();
            }

            @Override
            public String model() {
                return settings.model() == null ? settings.id() + "-model" : settings.model();
            }

            @Override
            public ProviderCapabilities capabilities() {
                return ANYTHING;
            }

            @Override
            public ProviderImage generate(GenerationCall call) {
                calls.computeIfAbsent(settings.id(), id -> new CopyOnWriteArrayList<>()).add(call);
                threads.add(Thread.currentThread().getName());
                if (type.equals("failing")) {
                    throw new ProviderHttpException(settings.id(), status, Map.of(), "");
                }
                return new ProviderImage(IMAGE.clone(), "image/png");
            }
        };
    }

    /** The calls the provider with this id received, in order. */
    public List<GenerationCall> calls(String id) {
        return calls.getOrDefault(id, List.of());
    }

    /** The names of the threads the calls ran on. */
    public List<String> threads() {
        return threads;
    }

    /** The HTTP client the last provider was created with. */
    public HttpClient httpClient() {
        return httpClient;
    }
}
