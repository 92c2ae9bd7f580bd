package dev.genairesilience.sample;

import dev.genairesilience.Attempt;
import dev.genairesilience.chain.ExecutionListener;
import dev.genairesilience.failure.FailureKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The calls to providers over the last minutes, counted per provider in buckets of a few seconds, by outcome:
 * delivered, overloaded (503, 529), rate-limited (429) or another failure. The engine tells it of each call as an
 * {@link ExecutionListener}; it keeps only the calls within its span, and at most {@value #MAX_CALLS} of them.
 */
public final class AttemptTimeline implements ExecutionListener {

    static final int MAX_CALLS = 20_000;

    private final Clock clock;
    private final Duration bucket;
    private final int buckets;
    private final Deque<Call> calls = new ArrayDeque<>();

    private record Call(Instant at, String provider, Outcome outcome) {
    }

    /** How a call ended, as the chart colours it. */
    enum Outcome {
        SUCCESS, OVERLOAD, RATE_LIMITED, OTHER;

        static Outcome of(FailureKind failure) {
            if (failure == null) {
                return SUCCESS;
            }
            return switch (failure) {
                case OVERLOADED -> OVERLOAD;
                case RATE_LIMITED -> RATE_LIMITED;
                default -> OTHER;
            };
        }
    }

    /**
     * Calls of one provider in one bucket.
     *
     * @param start       when the bucket starts (ISO-8601)
     * @param success     calls that delivered
     * @param overload    calls answered overloaded
     * @param rateLimited calls answered rate-limited
     * @param other       calls that failed otherwise (timeouts, server errors, …)
     */
    public record Bucket(String start, int success, int overload, int rateLimited, int other) {
    }

    /**
     * The timeline as {@code GET /api/activity} answers it.
     *
     * @param bucketSeconds how many seconds a bucket spans
     * @param from          when the first bucket starts (ISO-8601)
     * @param to            when the last bucket ends
     * @param providers     each provider called in the span, with one bucket per step of the span, oldest first
     */
    public record Snapshot(long bucketSeconds, String from, String to, Map<String, List<Bucket>> providers) {
    }

    /**
     * @param clock   the time calls are stamped with
     * @param bucket  how long each bucket spans
     * @param buckets how many buckets make the span
     */
    AttemptTimeline(Clock clock, Duration bucket, int buckets) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (bucket.toSeconds() < 1 || buckets < 1) {
            throw new IllegalArgumentException("A timeline needs buckets of at least 1 s and at least one bucket");
        }
        this.bucket = bucket;
        this.buckets = buckets;
    }

    @Override
    public void attemptFinished(String plan, Attempt attempt) {
        Call call = new Call(clock.instant(), attempt.provider(), Outcome.of(attempt.failure()));
        synchronized (calls) {
            calls.addLast(call);
            while (calls.size() > MAX_CALLS) {
                calls.removeFirst();
            }
        }
    }

    /** The calls in the span ending with the current bucket, per provider in order of their first call. */
    Snapshot snapshot() {
        long size = bucket.toSeconds();
        long current = clock.instant().getEpochSecond() / size;
        long first = current - buckets + 1;
        Instant from = Instant.ofEpochSecond(first * size);
        Map<String, int[][]> counts = new LinkedHashMap<>();
        synchronized (calls) {
            while (!calls.isEmpty() && calls.peekFirst().at().isBefore(from)) {
                calls.removeFirst();
            }
            for (Call call : calls) {
                int index = (int) (call.at().getEpochSecond() / size - first);
                if (index >= 0 && index < buckets) {
                    counts.computeIfAbsent(call.provider(), p -> new int[buckets][Outcome.values().length])
                            [index][call.outcome().ordinal()]++;
                }
            }
        }
        Map<String, List<Bucket>> providers = new LinkedHashMap<>();
        counts.forEach((provider, perBucket) -> {
            List<Bucket> series = new ArrayList<>(buckets);
            for (int i = 0; i < buckets; i++) {
                int[] c = perBucket[i];
                series.add(new Bucket(Instant.ofEpochSecond((first + i) * size).toString(),
                        c[Outcome.SUCCESS.ordinal()], c[Outcome.OVERLOAD.ordinal()],
                        c[Outcome.RATE_LIMITED.ordinal()], c[Outcome.OTHER.ordinal()]));
            }
            providers.put(provider, series);
        });
        return new Snapshot(size, from.toString(), Instant.ofEpochSecond((current + 1) * size).toString(), providers);
    }
}
