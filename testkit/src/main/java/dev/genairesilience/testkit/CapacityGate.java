package dev.genairesilience.testkit;

import java.time.Duration;

/**
 * Room for the calls generating at once; a call finding too little room is refused at once, never queued. Each
 * call takes one unit, or, counted by resolution, the {@link Resolutions#room room} of its size class. A refused
 * call may take a unit anyway while it is being turned away ({@link #overdraw}), so that the room in use can exceed
 * the room there is.
 */
final class CapacityGate {

    private final int room;
    private final boolean byResolution;
    private final Duration serviceTime;
    private int used;

    private CapacityGate(int room, boolean byResolution, Duration serviceTime, String name) {
        if (room < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + room);
        }
        this.room = room;
        this.byResolution = byResolution;
        this.serviceTime = Durations.requireNonNegative(serviceTime, "serviceTime");
    }

    /** At most {@code concurrent} calls at once, whatever their size. */
    static CapacityGate ofCalls(int concurrent, Duration serviceTime) {
        return new CapacityGate(concurrent, false, serviceTime, "concurrent");
    }

    /** At most {@code units} of room at once, each call taking its size class's room. */
    static CapacityGate ofRoom(int units, Duration serviceTime) {
        return new CapacityGate(units, true, serviceTime, "units");
    }

    /** The units a call of size class {@code resolution} takes. */
    int unitsFor(String resolution) {
        return byResolution ? Resolutions.room(resolution) : 1;
    }

    /** Takes {@code units} if that much room is free, without waiting. */
    synchronized boolean tryEnter(int units) {
        if (used + units > room) {
            return false;
        }
        used += units;
        return true;
    }

    /** Takes {@code units} whether or not they are free: the work of turning a call away. */
    synchronized void overdraw(int units) {
        used += units;
    }

    /** Gives back units taken by {@link #tryEnter} or {@link #overdraw}. */
    synchronized void leave(int units) {
        used -= units;
    }

    /** How long an admitted call holds its room. */
    Duration serviceTime() {
        return serviceTime;
    }
}
