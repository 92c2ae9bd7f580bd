package dev.genairesilience.benchmarks.shared;

import dev.genairesilience.spi.SharedStateStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** A store that counts its calls and the time they take, around the real one: what sharing costs, measured. */
final class TimedStore implements SharedStateStore {

    private final SharedStateStore store;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();

    TimedStore(SharedStateStore store) {
        this.store = store;
    }

    long calls() {
        return calls.get();
    }

    long nanos() {
        return nanos.get();
    }

    void reset() {
        calls.set(0);
        nanos.set(0);
    }

    @Override
    public String description() {
        return store.description();
    }

    @Override
    public void hold(String key, Duration wait) {
        timed(() -> {
            store.hold(key, wait);
            return null;
        });
    }

    @Override
    public Duration heldFor(String key) {
        return timed(() -> store.heldFor(key));
    }

    @Override
    public boolean tryPace(String key, Duration interval) {
        return timed(() -> store.tryPace(key, interval));
    }

    @Override
    public boolean tryTakePlace(String key, String holder, int permits, Duration lease) {
        return timed(() -> store.tryTakePlace(key, holder, permits, lease));
    }

    @Override
    public void leavePlace(String key, String holder) {
        timed(() -> {
            store.leavePlace(key, holder);
            return null;
        });
    }

    @Override
    public void ping() {
        store.ping();
    }

    private <T> T timed(Supplier<T> call) {
        long started = System.nanoTime();
        try {
            return call.get();
        } finally {
            nanos.addAndGet(System.nanoTime() - started);
            calls.incrementAndGet();
        }
    }
}
