package dev.genairesilience.chain;

import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.JobHandle;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One provider with several API keys ({@code genai.providers.<id>.api-keys}): the same model at the same API, once
 * per key. Each key has a lane of its own, named {@code <id>#1}, {@code <id>#2}, … ({@link #laneOf(int)}), so that a
 * {@code 429} that spends one key's quota holds that key only and the others keep serving; they share the provider's
 * circuit breaker, since an overloaded model is overloaded for every key. Each request's steps of this provider use
 * one key ({@link #pick(ProviderLanes)}): one whose lane is not held, has room and was never refused, the one with
 * the fewest calls in flight, equal ones in turn; a key the provider refuses (401, 403) is taken out for good, with
 * one warning that gives its position, never the key. Used as an {@link ImageProvider} (warm-up, probes, direct
 * calls), it is its first key's.
 */
public final class KeyedImageProvider implements ImageProvider {

    private final List<ImageProvider> keys;
    private final AtomicLong turns = new AtomicLong();

    /** @param keys the provider once per key, in the order of {@code api-keys}; at least one, all with one id */
    public KeyedImageProvider(List<ImageProvider> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a keyed provider needs at least one key");
        }
        this.keys = List.copyOf(keys);
    }

    /** How many keys there are. */
    public int keyCount() {
        return keys.size();
    }

    /** The provider with key {@code index} (0-based). */
    ImageProvider key(int index) {
        return keys.get(index);
    }

    /** The lane of key {@code index} (0-based): {@code <id>#<index + 1>}. */
    String laneOf(int index) {
        return ProviderLanes.keyLane(id(), index + 1);
    }

    /** The key (0-based) this request's steps use. */
    int pick(ProviderLanes lanes) {
        int start = (int) Math.floorMod(turns.getAndIncrement(), (long) keys.size());
        int best = -1;
        int bestScore = Integer.MAX_VALUE;
        for (int i = 0; i < keys.size(); i++) {
            int index = (start + i) % keys.size();
            ProviderLane lane = lanes.lane(laneOf(index));
            int score = score(lane);
            if (score < bestScore) {
                best = index;
                bestScore = score;
            }
        }
        return best;
    }

    /** Lower is better: refused last, then held, then full, then by calls in flight. */
    private static int score(ProviderLane lane) {
        if (lane.keyRefused()) {
            return Integer.MAX_VALUE - 1;
        }
        lane.readSharedHold();
        if (!lane.heldFor().isZero()) {
            return Integer.MAX_VALUE / 2;
        }
        return lane.hasRoom() ? lane.inFlight() : Integer.MAX_VALUE / 4 + lane.inFlight();
    }

    @Override
    public String id() {
        return keys.get(0).id();
    }

    @Override
    public String model() {
        return keys.get(0).model();
    }

    @Override
    public ProviderCapabilities capabilities() {
        return keys.get(0).capabilities();
    }

    @Override
    public Duration timeout() {
        return keys.get(0).timeout();
    }

    @Override
    public ProviderImage generate(GenerationCall call) throws Exception {
        return keys.get(0).generate(call);
    }

    @Override
    public void warmUp(Duration timeout) throws Exception {
        keys.get(0).warmUp(timeout);
    }

    @Override
    public boolean probes() {
        return keys.get(0).probes();
    }

    @Override
    public void probe(Duration timeout) throws Exception {
        keys.get(0).probe(timeout);
    }

    @Override
    public boolean resumes() {
        return keys.get(0).resumes();
    }

    /** Resumes with the first key; the engine resumes a job with the key that submitted it ({@code <id>#<n>}). */
    @Override
    public ProviderImage resume(JobHandle handle, Duration timeout) throws Exception {
        return keys.get(0).resume(handle, timeout);
    }

    @Override
    public String toString() {
        return "KeyedImageProvider[" + id() + ", " + keys.size() + " keys]";
    }
}
