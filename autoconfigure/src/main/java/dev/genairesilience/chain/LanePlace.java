package dev.genairesilience.chain;

import dev.genairesilience.failure.Failure;
import java.time.Duration;

/**
 * A call's place in its {@link ProviderLane}, taken by {@link ProviderLane#tryEnter()} and given back exactly once,
 * with what the call taught the lane.
 */
final class LanePlace {

    private final ProviderLane lane;
    private final long epoch;
    private final long quotaStart;

    LanePlace(ProviderLane lane, long epoch, long quotaStart) {
        this.lane = lane;
        this.epoch = epoch;
        this.quotaStart = quotaStart;
    }

    /** The lane the place is in. */
    ProviderLane lane() {
        return lane;
    }

    /** No call was made, or it taught nothing (interrupted). */
    void leave() {
        lane.left();
    }

    /** The call delivered in {@code took}. */
    void leaveDelivered(Duration took) {
        lane.leftDelivered(took);
    }

    /** The call failed with {@code failure} (its hold, if any, already recorded). */
    void leaveFailed(Failure failure) {
        lane.leftFailed(failure, epoch, quotaStart);
    }
}
