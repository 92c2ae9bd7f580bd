package dev.genairesilience.shared;

import dev.genairesilience.spi.SharedStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the lanes and the off-peak queue share with the application's other instances, through a
 * {@link SharedStateStore}, and what they do when the store cannot answer. Each store call gets
 * {@code genai.shared-state.timeout}; one that throws or takes longer answers "not shared" (the caller goes on with
 * its own instance's state). {@value #FAILURES_TO_DOWN} such calls in a row mark the store down, once in the log, and
 * from then on every call answers at once with "not shared" until a check, at most one per {@code recheck-interval}
 * and off the callers' threads, finds the store answering again. Generation never waits on a store that is down.
 *
 * <p>Keys are {@code <namespace>:<kind>:<name>}: one namespace per application ({@code genai.shared-state.namespace},
 * its {@code spring.application.name} by default), so that two applications on one Redis never hold each other's
 * providers. Thread-safe.
 */
public final class SharedState implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SharedState.class);

    private static final SharedState NONE = new SharedState();

    /** How many store calls in a row must fail for the store to count as down: one slow answer is not an outage. */
    static final int FAILURES_TO_DOWN = 3;

    private final SharedStateStore store;
    private final String namespace;
    private final Duration timeout;
    private final Duration recheckInterval;
    private final Clock clock;
    private final ThreadPoolExecutor calls;
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicBoolean checking = new AtomicBoolean();
    private final AtomicReference<Instant> downSince = new AtomicReference<>();
    private final AtomicReference<Instant> lastCheck = new AtomicReference<>(Instant.MIN);
    private final AtomicReference<String> problem = new AtomicReference<>();
    private final AtomicInteger failuresInARow = new AtomicInteger();

    private SharedState() {
        this.store = null;
        this.namespace = "";
        this.timeout = Duration.ZERO;
        this.recheckInterval = Duration.ZERO;
        this.clock = Clock.systemUTC();
        this.calls = null;
    }

    private SharedState(Builder b) {
        this.store = b.store;
        this.namespace = b.namespace;
        this.timeout = b.timeout;
        this.recheckInterval = b.recheckInterval;
        this.clock = b.clock;
        AtomicInteger threads = new AtomicInteger();
        // as many threads as calls wait on the store at once, up to a bound; a call beyond it is not shared
        this.calls = new ThreadPoolExecutor(0, 64, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, "genai-shared-state-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Nothing shared ({@code genai.shared-state.store=memory}): every call answers "not shared" at once. */
    public static SharedState none() {
        return NONE;
    }

    /** @param store where the state is shared */
    public static Builder builder(SharedStateStore store) {
        return new Builder(store);
    }

    /** Whether a store is configured (whether it is up or not). */
    public boolean configured() {
        return store != null;
    }

    /** Whether a store is configured and answering now. */
    public boolean active() {
        return store != null && up.get();
    }

    /** Holds {@code name} (a lane) for {@code wait} on every instance; nothing when the store is down. */
    public void hold(String name, Duration wait) {
        call(() -> {
            store.hold(key("hold", name), wait);
            return Boolean.TRUE;
        });
    }

    /** How long another instance (or this one) holds {@code name}; zero when nothing is held or the store is down. */
    public Duration heldFor(String name) {
        Duration held = call(() -> store.heldFor(key("hold", name)));
        return held == null ? Duration.ZERO : held;
    }

    /**
     * Takes the next slot of {@code name}'s even pace of one per {@code interval}, shared by every instance.
     *
     * @return whether the caller may go, or {@code null} when the store did not answer: pace locally
     */
    public Boolean tryPace(String name, Duration interval) {
        return call(() -> store.tryPace(key("pace", name), interval));
    }

    /**
     * Takes one of {@code permits} places of {@code name} for {@code holder}, for at most {@code lease}.
     *
     * @return whether it has one, or {@code null} when the store did not answer: count locally
     */
    public Boolean tryTakePlace(String name, String holder, int permits, Duration lease) {
        return call(() -> store.tryTakePlace(key("places", name), holder, permits, lease));
    }

    /** Gives back {@code holder}'s place of {@code name}; nothing when the store is down (its lease ends it). */
    public void leavePlace(String name, String holder) {
        call(() -> {
            store.leavePlace(key("places", name), holder);
            return Boolean.TRUE;
        });
    }

    /** How the store stands, for health and the endpoint. */
    public Status status() {
        if (store == null) {
            return new Status("memory", true, null, null);
        }
        return new Status(store.description(), up.get(), downSince.get(), problem.get());
    }

    /**
     * How the shared state stands.
     *
     * @param store     the store, such as {@code jdbc (PostgreSQL)}, or {@code memory} when nothing is shared
     * @param up        whether it answers (always {@code true} for {@code memory})
     * @param downSince since when it has not, or {@code null}
     * @param problem   what its last failure was (an exception's type and message), or {@code null}
     */
    public record Status(String store, boolean up, Instant downSince, String problem) {
    }

    private String key(String kind, String name) {
        return namespace + ':' + kind + ':' + name;
    }

    /** The store's answer, or {@code null} when it is down, failed, took too long or had no thread free. */
    private <T> T call(Callable<T> operation) {
        if (store == null) {
            return null;
        }
        if (!up.get()) {
            recheckLater();
            return null;
        }
        Future<T> answer;
        try {
            answer = calls.submit(operation);
        } catch (RejectedExecutionException busy) {
            return null;
        }
        try {
            T result = answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            failuresInARow.set(0);
            return result;
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return null;
        } catch (TimeoutException e) {
            answer.cancel(true);
            down("no answer within " + timeout.toMillis() + "ms");
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            down(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            return null;
        }
    }

    private void down(String why) {
        problem.set(why);
        if (failuresInARow.incrementAndGet() >= FAILURES_TO_DOWN && up.compareAndSet(true, false)) {
            downSince.set(clock.instant());
            lastCheck.set(clock.instant());
            log.warn("genai.shared-state: the {} store is not answering ({}); each instance goes on with its own "
                    + "holds, rates and queue limits until it answers again", store.description(), why);
        }
    }

    /** At most one check per recheck interval, on a store thread: never on a caller's. */
    private void recheckLater() {
        Instant now = clock.instant();
        Instant last = lastCheck.get();
        if (now.isBefore(last.plus(recheckInterval)) || !lastCheck.compareAndSet(last, now)
                || !checking.compareAndSet(false, true)) {
            return;
        }
        try {
            calls.execute(this::recheck);
        } catch (RejectedExecutionException busy) {
            checking.set(false);
        }
    }

    private void recheck() {
        try {
            store.ping();
            Instant since = downSince.getAndSet(null);
            problem.set(null);
            failuresInARow.set(0);
            up.set(true);
            log.info("genai.shared-state: the {} store answers again (it did not since {}); sharing resumes",
                    store.description(), since);
        } catch (RuntimeException stillDown) {
            problem.set(stillDown.getClass().getSimpleName() + ": " + stillDown.getMessage());
        } finally {
            checking.set(false);
        }
    }

    @Override
    public void close() {
        if (calls != null) {
            calls.shutdownNow();
        }
    }

    /** Builds a {@link SharedState}: namespace {@code genai}, 500 ms per call, a check every 5 s while down. */
    public static final class Builder {

        private final SharedStateStore store;
        private String namespace = "genai";
        private Duration timeout = Duration.ofMillis(500);
        private Duration recheckInterval = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();

        private Builder(SharedStateStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** What every key starts with ({@code genai.shared-state.namespace}). */
        public Builder namespace(String namespace) {
            if (namespace == null || namespace.isBlank()) {
                throw new IllegalArgumentException("genai.shared-state.namespace must not be blank");
            }
            this.namespace = namespace.trim();
            return this;
        }

        /** The longest one store call may take ({@code genai.shared-state.timeout}). */
        public Builder timeout(Duration timeout) {
            this.timeout = positive(timeout, "genai.shared-state.timeout");
            return this;
        }

        /** How often a store that is down is checked ({@code genai.shared-state.recheck-interval}). */
        public Builder recheckInterval(Duration recheckInterval) {
            this.recheckInterval = positive(recheckInterval, "genai.shared-state.recheck-interval");
            return this;
        }

        /** The clock that dates the store's going down and its checks (not the shared times: the store's own). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public SharedState build() {
            return new SharedState(this);
        }

        private static Duration positive(Duration value, String property) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(property + " must be a positive duration, was " + value);
            }
            return value;
        }
    }
}
