package dev.genairesilience.spi;

import java.time.Duration;

/**
 * Where several instances of an application keep what they must agree on about a provider: the holds its wait
 * hints put on it, its requests-per-minute pacing, and the off-peak queue's drain rate and concurrency
 * ({@code genai.shared-state.store}). Every time is measured on the store's own clock and every stored time is
 * given as a duration from it, so that replicas whose clocks disagree still agree on when a hold ends.
 *
 * <p>The engine calls a store within {@code genai.shared-state.timeout} and treats a call that throws or takes longer
 * as the store being down: it goes on with each instance's own state until the store answers again. An
 * implementation therefore throws on any failure rather than answering a guess. Keys are short ASCII names the
 * engine builds (a namespace, a kind and a provider or queue id), never secrets. Declare a bean of this type to use
 * another engine.
 */
public interface SharedStateStore {

    /** What the store is, for health and logs, such as {@code jdbc (PostgreSQL)} or {@code redis}. */
    String description();

    /** Holds {@code key} for at least {@code wait} from now: a hold already running longer is kept as it is. */
    void hold(String key, Duration wait);

    /** How long {@code key} is still held; {@link Duration#ZERO} when it is not. */
    Duration heldFor(String key);

    /**
     * Takes the next slot of an even pace of one call per {@code interval} under {@code key}, if it is due: no two
     * calls granted for the same key, by any instance, come closer together than {@code interval}, and there is no
     * burst (a generic cell rate algorithm with no tolerance).
     *
     * @return whether the caller may go now
     */
    boolean tryPace(String key, Duration interval);

    /**
     * Takes one of {@code permits} places under {@code key} for {@code holder} if one is free, for at most
     * {@code lease} (a holder that dies gives its place back when the lease ends). A holder that already has a
     * place keeps it, with its lease renewed.
     *
     * @return whether {@code holder} has a place
     */
    boolean tryTakePlace(String key, String holder, int permits, Duration lease);

    /** Gives back the place {@code holder} has under {@code key}, if it has one. */
    void leavePlace(String key, String holder);

    /** Checks that the store answers; throws when it does not. */
    void ping();
}
