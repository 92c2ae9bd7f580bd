package dev.genairesilience.provider.http;

import dev.genairesilience.spi.AccessToken;
import dev.genairesilience.spi.AccessTokenSource;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One provider's bearer token from its {@link AccessTokenSource}, kept until {@link Builder#margin(Duration) margin}
 * before it expires (5 minutes by default) and then fetched again; fetched again at once after the provider refused
 * it ({@link #refused(String)}). One fetch at a time, however many calls need a token: they all wait for the same
 * one. A call waits for a fetch no longer than its own time; a fetch that has not answered within
 * {@link Builder#fetchTimeout(Duration) fetchTimeout} (30 s by default) is cancelled (its thread interrupted) and
 * the next call starts another. While the token held is still valid (within the margin), a call starts the fetch
 * and goes on with that token without waiting, so a slow or failing fetch costs nothing until the token expires.
 * Nothing here logs or shows the token.
 */
public final class AccessTokenCache {

    /** How long before a token expires a new one is fetched, unless set. */
    public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(5);

    /** How long a fetch may take before it is given up, unless set. */
    public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(30);

    private static final AtomicInteger FETCH_THREADS = new AtomicInteger();

    private static final ExecutorService FETCHES = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "genai-token-fetch-" + FETCH_THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private final String providerId;
    private final AccessTokenSource source;
    private final Clock clock;
    private final Duration margin;
    private final long fetchTimeoutNanos;
    private final Object lock = new Object();

    // guarded by lock
    private AccessToken current;
    private Future<AccessToken> fetch;
    private long fetchStartedNanos;

    private AccessTokenCache(Builder b) {
        this.providerId = b.providerId;
        this.source = b.source;
        this.clock = b.clock;
        this.margin = b.margin;
        this.fetchTimeoutNanos = b.fetchTimeout.toNanos();
    }

    /**
     * @param providerId the provider's id, named in messages
     * @param source     where the tokens come from
     */
    public static Builder builder(String providerId, AccessTokenSource source) {
        return new Builder(providerId, source);
    }

    /**
     * The token to send now: the one held while it is more than the margin from its expiry, else a new one.
     *
     * @param timeout the longest this call may wait for a fetch
     * @throws HttpTimeoutException when no valid token is held and the fetch did not answer in time
     * @throws IOException          when no valid token is held and the fetch failed
     */
    public String token(Duration timeout) throws IOException, InterruptedException {
        Future<AccessToken> pending;
        AccessToken valid;
        long waitNanos;
        synchronized (lock) {
            collectFinishedFetch();
            Instant now = clock.instant();
            valid = current != null && now.isBefore(current.expiresAt()) ? current : null;
            if (valid != null && now.isBefore(valid.expiresAt().minus(margin))) {
                return valid.value();
            }
            long elapsed = System.nanoTime() - fetchStartedNanos;
            if (fetch != null && elapsed >= fetchTimeoutNanos) {
                fetch.cancel(true);
                fetch = null;
            }
            if (fetch == null) {
                fetch = FETCHES.submit(this::fetchChecked);
                fetchStartedNanos = System.nanoTime();
            }
            pending = fetch;
            // with a valid token in hand the call does not wait: the new one serves the calls after it
            waitNanos = valid != null ? 0
                    : Math.min(nanos(timeout), fetchTimeoutNanos - (System.nanoTime() - fetchStartedNanos));
        }
        return await(pending, Math.max(waitNanos, 0), valid).value();
    }

    /**
     * The provider answered {@code 401} to a call carrying {@code token}: the next call fetches a new one. Only the
     * first refusal of a token does so, however many calls carried it.
     */
    public void refused(String token) {
        synchronized (lock) {
            if (current != null && current.value().equals(token)) {
                current = null;
            }
        }
    }

    private AccessToken await(Future<AccessToken> pending, long waitNanos, AccessToken valid)
            throws IOException, InterruptedException {
        try {
            AccessToken fresh = pending.get(waitNanos, TimeUnit.NANOSECONDS);
            synchronized (lock) {
                collectFinishedFetch();
            }
            return fresh;
        } catch (TimeoutException e) {
            if (valid != null) {
                return valid;
            }
            throw new HttpTimeoutException("genai.providers." + providerId + ": its access token source gave no "
                    + "token in time");
        } catch (ExecutionException | CancellationException e) {
            if (valid != null) {
                return valid;
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof TokenRefused refused) {
                throw new IOException(refused.getMessage());
            }
            // the cause's message is the source's own; only its type is named, and it is kept as the cause
            throw new IOException("genai.providers." + providerId + ": its access token source failed ("
                    + cause.getClass().getName() + ")", cause);
        }
    }

    /** Takes a fetch that has ended: its token if it gave one, nothing if it failed (the next call tries again). */
    private void collectFinishedFetch() {
        if (fetch == null || !fetch.isDone()) {
            return;
        }
        try {
            AccessToken fresh = fetch.get();
            if (current == null || fresh.expiresAt().isAfter(current.expiresAt())) {
                current = fresh;
            }
        } catch (ExecutionException | CancellationException e) {
            // failed: reported to the calls that waited for it
        } catch (InterruptedException e) {
            // isDone() was true, so get() does not wait
            Thread.currentThread().interrupt();
        }
        fetch = null;
    }

    private AccessToken fetchChecked() throws Exception {
        AccessToken token = source.fetch();
        if (token == null) {
            throw new TokenRefused("genai.providers." + providerId + ": its access token source returned no token");
        }
        if (!clock.instant().isBefore(token.expiresAt())) {
            throw new TokenRefused("genai.providers." + providerId + ": its access token source returned a token "
                    + "that had expired at " + token.expiresAt());
        }
        return token;
    }

    private static long nanos(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            return 0;
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public String toString() {
        return "AccessTokenCache[provider=" + providerId + "]";
    }

    /** A token the cache will not use. */
    private static final class TokenRefused extends Exception {
        TokenRefused(String message) {
            super(message, null, false, false);
        }
    }

    /** Builds an {@link AccessTokenCache}. */
    public static final class Builder {

        private final String providerId;
        private final AccessTokenSource source;
        private Clock clock = Clock.systemUTC();
        private Duration margin = DEFAULT_MARGIN;
        private Duration fetchTimeout = DEFAULT_FETCH_TIMEOUT;

        private Builder(String providerId, AccessTokenSource source) {
            this.providerId = Objects.requireNonNull(providerId, "providerId");
            this.source = Objects.requireNonNull(source, "source");
        }

        /** The clock tokens' expiries are read against (the engine's). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long before its expiry a token is replaced. */
        public Builder margin(Duration margin) {
            if (margin == null || margin.isNegative()) {
                throw new IllegalArgumentException("margin must be zero or more, was " + margin);
            }
            this.margin = margin;
            return this;
        }

        /** How long a fetch may take before it is cancelled and another one is started. */
        public Builder fetchTimeout(Duration fetchTimeout) {
            if (fetchTimeout == null || fetchTimeout.isZero() || fetchTimeout.isNegative()) {
                throw new IllegalArgumentException("fetchTimeout must be positive, was " + fetchTimeout);
            }
            this.fetchTimeout = fetchTimeout;
            return this;
        }

        public AccessTokenCache build() {
            return new AccessTokenCache(this);
        }
    }
}
