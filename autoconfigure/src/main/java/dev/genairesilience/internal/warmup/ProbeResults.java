package dev.genairesilience.internal.warmup;

import dev.genairesilience.failure.Failure;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The last {@link ProbeStatus} of every probed provider, for health and the actuator endpoint. Thread-safe. */
public final class ProbeResults {

    private final Clock clock;
    private final Map<String, ProbeStatus> last = new TreeMap<>();

    /** @param clock when each probe ended */
    public ProbeResults(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The last probe of {@code provider}, if it was probed. */
    public synchronized Optional<ProbeStatus> last(String provider) {
        return Optional.ofNullable(last.get(provider));
    }

    /** The last probe of every probed provider, by id. */
    public synchronized Map<String, ProbeStatus> all() {
        return Collections.unmodifiableMap(new TreeMap<>(last));
    }

    synchronized void passed(String provider) {
        last.put(provider, new ProbeStatus(provider, true, clock.instant(), null, 0, 0));
    }

    synchronized void failed(String provider, Failure failure) {
        int before = last.containsKey(provider) ? last.get(provider).consecutiveFailures() : 0;
        last.put(provider, new ProbeStatus(provider, false, clock.instant(), failure.kind(), failure.httpStatus(),
                before + 1));
    }
}
