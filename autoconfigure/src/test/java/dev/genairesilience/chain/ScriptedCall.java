package dev.genairesilience.chain;

import dev.genairesilience.ModelAttempt;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A step call that plays a script, one reaction per call, the last one repeating, and remembers every
 * {@link ModelAttempt} it received. With a latency, each call moves the test clock on by it, or times out at
 * the attempt's timeout as a real client would.
 */
final class ScriptedCall implements StepCall<String> {

    private final List<Failure> script = new ArrayList<>();
    private final List<ModelAttempt> received = new ArrayList<>();
    private final String value;
    private MutableClock clock;
    private Duration latency = Duration.ZERO;

    private ScriptedCall(String value) {
        this.value = value;
    }

    /** Answers {@code value} on every call (after the failures given to {@link #afterFailing}). */
    static ScriptedCall succeeding(String value) {
        return new ScriptedCall(value);
    }

    /** Fails on every call with a failure of {@code kind}. */
    static ScriptedCall failing(FailureKind kind) {
        return failing(Failure.of(kind));
    }

    /** Fails on every call with {@code failure}. */
    static ScriptedCall failing(Failure failure) {
        ScriptedCall call = new ScriptedCall(null);
        call.script.add(failure);
        return call;
    }

    /** Fails with these on the first calls, in order, before answering its value. */
    ScriptedCall afterFailing(Failure... failures) {
        script.addAll(List.of(failures));
        return this;
    }

    ScriptedCall taking(Duration latency, MutableClock clock) {
        this.latency = latency;
        this.clock = clock;
        return this;
    }

    @Override
    public String call(ModelAttempt attempt) throws Exception {
        received.add(attempt);
        if (clock != null) {
            if (latency.compareTo(attempt.timeout()) > 0) {
                clock.advance(attempt.timeout());
                throw new FailureException(Failure.of(FailureKind.TIMEOUT));
            }
            clock.advance(latency);
        }
        int index = received.size() - 1;
        Failure failure = index < script.size() ? script.get(index)
                : value == null ? script.get(script.size() - 1) : null;
        if (failure != null) {
            throw new FailureException(failure);
        }
        return value;
    }

    List<ModelAttempt> received() {
        return received;
    }

    int calls() {
        return received.size();
    }
}
