package dev.genairesilience.batch;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.Resolution;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * An {@link ImageGenerator} for the runner's tests: each {@code generate} takes the next scripted answer (an image
 * by default) and records the chain and request it was asked for. Only {@code generate(chain, request)} is used by
 * the runner; the other methods are not part of what these tests exercise.
 */
final class ScriptedGenerator implements ImageGenerator {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G' };

    private final Deque<Supplier<GeneratedImage>> script = new ArrayDeque<>();
    final List<String> chains = new ArrayList<>();
    final List<ImageRequest> requests = new ArrayList<>();

    ScriptedGenerator then(Supplier<GeneratedImage> answer) {
        script.add(answer);
        return this;
    }

    ScriptedGenerator thenThrow(RuntimeException failure) {
        return then(() -> {
            throw failure;
        });
    }

    static GeneratedImage image() {
        return new GeneratedImage(PNG.clone(), "image/png", "good", "good-model", Resolution.TWO_K, false, List.of());
    }

    @Override
    public synchronized GeneratedImage generate(String chain, ImageRequest request) {
        chains.add(chain);
        requests.add(request);
        Supplier<GeneratedImage> answer = script.poll();
        return answer == null ? image() : answer.get();
    }

    @Override
    public GeneratedImage generate(ImageRequest request) {
        throw new UnsupportedOperationException("the runner names its chain");
    }

    @Override
    public CompletableFuture<GeneratedImage> generateAsync(ImageRequest request) {
        throw new UnsupportedOperationException("the runner generates synchronously");
    }

    @Override
    public CompletableFuture<GeneratedImage> generateAsync(String chain, ImageRequest request) {
        throw new UnsupportedOperationException("the runner generates synchronously");
    }

    @Override
    public ImageJob submit(ImageRequest request) {
        throw new UnsupportedOperationException("the runner does not submit");
    }

    @Override
    public ImageJob submit(String chain, ImageRequest request) {
        throw new UnsupportedOperationException("the runner does not submit");
    }

    @Override
    public Optional<ImageJob> job(String id) {
        throw new UnsupportedOperationException("the runner does not query");
    }
}
