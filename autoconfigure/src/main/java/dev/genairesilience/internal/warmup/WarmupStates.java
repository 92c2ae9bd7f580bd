package dev.genairesilience.internal.warmup;

import dev.genairesilience.failure.FailureKind;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The {@link WarmupStatus} of every warm-up target, for health and the actuator endpoint. Thread-safe. */
public final class WarmupStates {

    private final Clock clock;
    private final Map<String, WarmupStatus> states = new LinkedHashMap<>();

    /** @param clock when each state is entered */
    public WarmupStates(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The status of {@code target}, if it is one. */
    public synchronized Optional<WarmupStatus> status(String target) {
        return Optional.ofNullable(states.get(target));
    }

    /** Every target's status, in the order they were made known. */
    public synchronized Map<String, WarmupStatus> all() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }

    /** Makes {@code target} known, not warmed yet; a target already known keeps its status. */
    synchronized void pending(String target) {
        states.putIfAbsent(target, new WarmupStatus(target, WarmupStatus.State.PENDING, clock.instant(), null, 0,
                null, null));
    }

    synchronized void warming(String target) {
        WarmupStatus now = current(target);
        states.put(target, new WarmupStatus(target, WarmupStatus.State.WARMING, clock.instant(), now.lastWarmed(),
                now.warmUps(), null, null));
    }

    synchronized void warmed(String target) {
        WarmupStatus now = current(target);
        states.put(target, new WarmupStatus(target, WarmupStatus.State.WARM, clock.instant(), clock.instant(),
                now.warmUps() + 1, null, null));
    }

    synchronized void failed(String target, FailureKind failure, String problem) {
        WarmupStatus now = current(target);
        states.put(target, new WarmupStatus(target, WarmupStatus.State.FAILED, clock.instant(), now.lastWarmed(),
                now.warmUps(), failure, problem));
    }

    private WarmupStatus current(String target) {
        pending(target);
        return states.get(target);
    }
}
