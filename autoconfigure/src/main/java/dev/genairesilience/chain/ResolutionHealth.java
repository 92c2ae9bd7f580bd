package dev.genairesilience.chain;

import dev.genairesilience.Resolution;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * How one provider's recent calls fared at each resolution: the last {@link #WINDOW} answers per resolution, a
 * delivery or a provider fault (what the caller's request caused, such as a blocked prompt, is not counted). What
 * {@link AdaptiveStart} reads to start a step lower on the degrade ladder while the asked resolution is failing.
 * Thread-safe.
 */
final class ResolutionHealth {

    /** How many of the latest answers per resolution are remembered. */
    static final int WINDOW = 10;
    /** How many answers a resolution needs before its success rate says anything. */
    static final int MIN_ANSWERS = 5;

    private final Map<Resolution, Ring> rings = new EnumMap<>(Resolution.class);

    /** Records an answer at {@code resolution}: delivered, or a provider fault. */
    synchronized void record(Resolution resolution, boolean delivered) {
        if (resolution != null) {
            rings.computeIfAbsent(resolution, r -> new Ring()).add(delivered);
        }
    }

    /** The share of the remembered answers at {@code resolution} that delivered, once there are enough of them. */
    synchronized Optional<Double> successRate(Resolution resolution) {
        Ring ring = rings.get(resolution);
        return ring == null || ring.size < MIN_ANSWERS ? Optional.empty()
                : Optional.of(ring.delivered / (double) ring.size);
    }

    /** Whether the latest {@code n} answers at {@code resolution} all delivered (false with fewer than n). */
    synchronized boolean lastDelivered(Resolution resolution, int n) {
        Ring ring = rings.get(resolution);
        return ring != null && ring.lastDelivered(n);
    }

    /** The last {@link #WINDOW} answers at one resolution, oldest overwritten first. */
    private static final class Ring {

        private final boolean[] answers = new boolean[WINDOW];
        private int next;
        private int size;
        private int delivered;

        void add(boolean answer) {
            if (size == WINDOW) {
                delivered -= answers[next] ? 1 : 0;
            } else {
                size++;
            }
            answers[next] = answer;
            delivered += answer ? 1 : 0;
            next = (next + 1) % WINDOW;
        }

        boolean lastDelivered(int n) {
            if (size < n) {
                return false;
            }
            for (int i = 1; i <= n; i++) {
                if (!answers[(next - i + WINDOW) % WINDOW]) {
                    return false;
                }
            }
            return true;
        }
    }
}
