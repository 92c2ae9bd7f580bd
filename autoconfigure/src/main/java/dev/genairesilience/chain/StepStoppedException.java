package dev.genairesilience.chain;

/**
 * A step ended without making its next call: its lane had no room, its breaker refused, the deadline passed, or
 * the thread was interrupted. Never leaves the executor.
 */
final class StepStoppedException extends RuntimeException {

    /** Why the step stopped. */
    enum Reason {
        NO_ROOM("lane full"),
        LANE_FULL("lane full"),
        CIRCUIT_OPEN("circuit open"),
        DEADLINE("deadline reached"),
        INTERRUPTED("interrupted");

        private final String text;

        Reason(String text) {
            this.text = text;
        }
    }

    private final Reason reason;

    StepStoppedException(Reason reason) {
        super(reason.text, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
