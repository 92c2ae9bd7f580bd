package dev.genairesilience.chain;

import dev.genairesilience.Resolution;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.shared.SharedState;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the engine knows about one provider, shared by every caller of it (generation,
 * {@code @ModelFallback}, warm-up, probes, the batch queue): its circuit breaker, its retry budget, the hold a
 * server's wait hint put on it, the latency of its recent calls that delivered, and how many calls it may have in
 * flight ({@link ConcurrencyLimit}, learned from its capacity answers), how many it may start per quota window
 * ({@link LearnedQuota}, learned from its quota refusals) and, when the application sets one, how many it may start
 * per minute (a Resilience4j {@link RateLimiter}). Thread-safe.
 *
 * <p>A server's wait hint ({@code Retry-After}, {@code retryDelay}, {@code estimated_time}) speaks for the
 * provider, not only for the call that got it: a spent quota or a loading model answers every caller the same.
 * So it holds the whole lane until it has passed, honoured up to {@code maxServerWait} so that an absurd hint
 * cannot shut a provider out for long.
 *
 * <p>With a shared store ({@code genai.shared-state.store}), a hold is also published to the application's other
 * instances, and read from them before each call ({@link #readSharedHold()}); the requests-per-minute pace is one
 * pace for all instances. When the store does not answer, the lane goes on with what this instance knows.
 */
public final class ProviderLane {

    private static final Logger log = LoggerFactory.getLogger(ProviderLane.class);

    private final String id;
    private final CircuitBreaker breaker;
    private final RetryBudgets budgets;
    private final Duration maxHold;
    private final Clock clock;
    private final AtomicReference<Instant> heldUntil = new AtomicReference<>();
    // a hold has ended but no call has found out yet whether the provider is back
    private volatile boolean holdUnconfirmed;
    private final AtomicBoolean holdProbe = new AtomicBoolean();
    // this instance's caller that got PROBE also holds the shared finder-out place (set and read by that caller only)
    private volatile boolean sharedProbe;
    private final String probeHolder = UUID.randomUUID().toString();
    private final LatencySamples latencies = new LatencySamples();
    private final ConcurrencyLimit concurrency;
    private final RateLimiter rate;
    private final Duration paceInterval;
    private final SharedState shared;
    private final LearnedQuota quota;
    private final ResolutionHealth resolutions = new ResolutionHealth();
    private final AdaptiveStart adaptiveStart = new AdaptiveStart();
    private final AtomicBoolean keyRefused = new AtomicBoolean();

    /**
     * @param rate         the application's requests-per-minute limit of this provider, or {@code null} for none
     * @param paceInterval the time between two calls at that limit, or {@code null} for none
     * @param quota        the quota the provider's refusals reveal
     * @param shared       what the lane shares with the application's other instances
     */
    ProviderLane(String id, CircuitBreaker breaker, RetryBudgets budgets, Duration maxHold, Clock clock,
            ConcurrencyLimit concurrency, RateLimiter rate, Duration paceInterval, LearnedQuota quota,
            SharedState shared) {
        this.id = id;
        this.breaker = breaker;
        this.budgets = budgets;
        this.maxHold = maxHold;
        this.clock = clock;
        this.concurrency = concurrency;
        this.rate = rate;
        this.paceInterval = paceInterval;
        this.quota = quota;
        this.shared = shared;
    }

    /** The provider id (or, for {@code @ModelFallback(models = …)}, the model). */
    public String id() {
        return id;
    }

    /** The lane's circuit breaker. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    /** Whether the breaker lets calls through now, without taking a permission. */
    boolean breakerAllowsCalls() {
        return breaker.getState() != CircuitBreaker.State.OPEN
                && breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
    }

    /** Counts a first attempt of a step: each earns a share of a retry. */
    void recordFirstAttempt() {
        budgets.recordFirstAttempt(id);
    }

    /**
     * Whether one more retry is granted now; granted and refused ones are counted.
     *
     * @param ratio the share of first attempts retries may reach, or {@code null} for {@code genai.retry.budget.ratio}
     */
    boolean tryRetry(Double ratio) {
        return ratio == null ? budgets.tryRetry(id) : budgets.tryRetry(id, ratio);
    }

    /** Holds the lane for the failure's server wait, if it has one, from now, here and on the other instances. */
    void hold(Failure failure) {
        Duration wait = failure.serverWait();
        if (wait == null || wait.isZero()) {
            return;
        }
        Duration bounded = holdOf(wait);
        holdFor(bounded);
        shared.hold(id, bounded);
    }

    /** Holds the lane for {@code wait} on every instance, as a breaker that opened here asks. */
    void holdEverywhere(Duration wait) {
        shared.hold(id, holdOf(wait));
    }

    /**
     * Reads the hold another instance put on this lane, if the application shares its state: called before a call,
     * so that one instance's {@code Retry-After} keeps the others from calling too. The store's duration is bounded
     * like a hint of this instance's own, so a replica whose clock is skewed cannot hold the provider for long.
     */
    void readSharedHold() {
        if (!shared.configured()) {
            return;
        }
        Duration held = shared.heldFor(id);
        if (!held.isZero() && held.compareTo(heldFor()) > 0) {
            holdFor(holdOf(held));
        }
    }

    private Duration holdOf(Duration wait) {
        return wait.compareTo(maxHold) <= 0 ? wait : maxHold;
    }

    private void holdFor(Duration wait) {
        Instant end = clock.instant().plus(wait);
        heldUntil.accumulateAndGet(end, (a, b) -> a == null || b.isAfter(a) ? b : a);
        holdUnconfirmed = true;
    }

    /** What a caller may do once no hold is running. */
    enum HoldEnd {
        /** Call: no hold has ended unconfirmed. */
        FREE,
        /** Call, as the one that finds out whether the provider is back; then {@link #endHoldProbe()}. */
        PROBE,
        /** Do not call yet: another caller is finding out whether the provider is back. */
        WAIT
    }

    /**
     * Whether a call may go now that no hold is running. After a hold has ended, one caller is let through to find
     * out whether the provider is back, and the others wait (or go elsewhere) until a call of the lane has had an
     * answer: so a hold ends with one call, not with every request that waited for it. With a shared store, that one
     * caller is one for all instances: the others' callers wait until it has had its answer.
     */
    HoldEnd passHoldEnd() {
        if (!holdUnconfirmed) {
            return HoldEnd.FREE;
        }
        if (!holdProbe.compareAndSet(false, true)) {
            return HoldEnd.WAIT;
        }
        if (shared.configured()) {
            // one finder-out for all instances: the others wait for its answer, a new hold or a free place
            Boolean mine = shared.tryTakePlace("hold-probe:" + id, probeHolder, 1, maxHold);
            if (Boolean.FALSE.equals(mine)) {
                holdProbe.set(false);
                return HoldEnd.WAIT;
            }
            sharedProbe = Boolean.TRUE.equals(mine);
        }
        return HoldEnd.PROBE;
    }

    /** The caller that got {@link HoldEnd#PROBE} is done, whatever happened to its call. */
    void endHoldProbe() {
        if (sharedProbe) {
            sharedProbe = false;
            shared.leavePlace("hold-probe:" + id, probeHolder);
        }
        holdProbe.set(false);
    }

    /** A call of the lane had an answer: unless it brought a new hint, the provider is back. */
    private void holdEndAnswered(boolean providerAnswered) {
        if (providerAnswered && heldFor().isZero()) {
            holdUnconfirmed = false;
        }
    }

    /** How long the lane is still held; zero when it is not. */
    public Duration heldFor() {
        Instant end = heldUntil.get();
        Instant now = clock.instant();
        return end == null || !end.isAfter(now) ? Duration.ZERO : Duration.between(now, end);
    }

    /**
     * Takes a place for one call if the lane's concurrency limit, the quota it learned and the application's rate
     * limit, if any, allow.
     *
     * @return the place, to give back once the call has an answer; {@code null} when there is no room
     */
    LanePlace tryEnter() {
        long epoch = concurrency.tryAcquire();
        if (epoch < 0) {
            return null;
        }
        long quotaStart = quota.tryStart();
        if (quotaStart == Long.MIN_VALUE) {
            concurrency.release();
            return null;
        }
        if (rate != null && !paced()) {
            quota.cancel(quotaStart);
            concurrency.release();
            return null;
        }
        return new LanePlace(this, epoch, quotaStart);
    }

    /**
     * The requests-per-minute pace: the one all instances share when the store answers, this instance's own while the
     * store is down. A store call that fails while the store still counts as up grants nothing: the pace is kept for
     * all rather than exceeded by one instance.
     */
    private boolean paced() {
        if (shared.active()) {
            Boolean granted = shared.tryPace("rate:" + id, paceInterval);
            if (granted != null) {
                return granted;
            }
            if (shared.active()) {
                return false;
            }
        }
        return rate.acquirePermission();
    }

    /** Why {@link #tryEnter()} refused: {@code rate} when a rate (learned or set) did, else {@code limit}. */
    String fullReason() {
        return concurrency.hasRoom() ? "rate" : "limit";
    }

    void left() {
        concurrency.release();
    }

    void leftFailed(Failure failure, long epoch, long quotaStart) {
        holdEndAnswered(failure.serverWait() == null);
        if (failure.kind() == FailureKind.RATE_LIMITED && failure.serverWait() != null) {
            quota.refused(quotaStart);
        }
        if (StepDecider.isCapacityAnswer(failure)) {
            concurrency.releaseOverCapacity(epoch);
        } else {
            concurrency.release();
        }
    }

    void leftDelivered(Duration took) {
        latencies.add(took);
        holdEndAnswered(true);
        concurrency.releaseDelivered();
    }

    /**
     * The provider refused this lane's key (401, 403). For the lane of one key of several, the key is taken out for
     * good, said once in the log by its position, never by its value; other lanes only remember it.
     */
    void refuseKey(int httpStatus) {
        if (keyRefused.compareAndSet(false, true) && id.indexOf(ProviderLanes.KEY_SEPARATOR) >= 0) {
            String provider = ProviderLanes.providerOf(id);
            log.warn("genai.providers.{}: the provider refused key {} of its api-keys (HTTP {}); it is taken out, "
                    + "the other keys keep serving", provider, id.substring(provider.length() + 1), httpStatus);
        }
    }

    /** Whether the provider refused this lane's key. */
    boolean keyRefused() {
        return keyRefused.get();
    }

    /** How the provider's recent calls fared at each resolution. */
    ResolutionHealth resolutionHealth() {
        return resolutions;
    }

    /** Where this provider's steps start on a degrade ladder, from its {@link #resolutionHealth()}. */
    Optional<AdaptiveStart.Start> adaptiveStart(List<Resolution> ladder) {
        return adaptiveStart.startFor(resolutions, ladder);
    }

    /** Whether {@code resolution} is failing on this provider (see {@link AdaptiveStart}). */
    boolean failing(Resolution resolution) {
        return AdaptiveStart.failing(resolutions, resolution);
    }

    /** Whether a call could take a place now (none is taken). */
    boolean hasRoom() {
        return concurrency.hasRoom() && quota.hasRoom()
                && (rate == null || shared.active() || rate.getMetrics().getAvailablePermissions() > 0);
    }

    /**
     * The most calls the lane starts within a quota window, as the provider's quota refusals taught it;
     * {@code -1} while it has refused none.
     */
    public int learnedQuota() {
        return quota.limit();
    }

    /** How many calls the lane allows in flight now. */
    public int concurrencyLimit() {
        return concurrency.limit();
    }

    /** How many calls of the lane are in flight now. */
    public int inFlight() {
        return concurrency.inFlight();
    }

    /** The 90th percentile of the recent calls that delivered, once there are enough of them to say. */
    public Optional<Duration> typicalLatency() {
        return latencies.p90();
    }

    @Override
    public String toString() {
        return "ProviderLane[" + id + ", breaker=" + breaker.getState() + ", heldFor=" + heldFor() + ", inFlight="
                + inFlight() + "/" + concurrencyLimit() + "]";
    }
}
