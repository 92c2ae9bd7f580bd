package dev.genairesilience.testkit;

import java.time.Duration;
import java.util.concurrent.Semaphore;

/** At most N calls generate at once; a call finding no free slot is refused at once, never queued. */
final class CapacityGate {

    private final Semaphore slots;
    private final Duration serviceTime;

    CapacityGate(int concurrent, Duration serviceTime) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("concurrent must be >= 1, was " + concurrent);
        }
        this.slots = new Semaphore(concurrent);
        this.serviceTime = Durations.requireNonNegative(serviceTime, "serviceTime");
    }

    /** Takes a slot if one is free, without waiting. */
    boolean tryEnter() {
        return slots.tryAcquire();
    }

    /** Gives back a slot taken by {@link #tryEnter()}. */
    void leave() {
        slots.release();
    }

    /** How long an admitted call holds its slot. */
    Duration serviceTime() {
        return serviceTime;
    }
}
