package dev.genairesilience.benchmarks.scale;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What the probe's generations tell as they start and end. Thread-safe. */
final class ProbeCounts {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger succeeded = new AtomicInteger();
    private final AtomicLong firstAnswer = new AtomicLong(-1);
    private final AtomicInteger endedCount = new AtomicInteger();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private final CountDownLatch ended;
    private final long startNanos;

    ProbeCounts(int requests, long startNanos) {
        this.ended = new CountDownLatch(requests);
        this.startNanos = startNanos;
    }

    void started() {
        peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    /**
     * One generation ended, with {@code error} or none.
     *
     * @return whether it was the first to end with an image: the emulator's first answer
     */
    boolean ended(Throwable error) {
        boolean first = false;
        if (error == null) {
            succeeded.incrementAndGet();
            first = firstAnswer.compareAndSet(-1, System.nanoTime() - startNanos);
        } else {
            firstError.compareAndSet(null, error);
        }
        inFlight.decrementAndGet();
        endedCount.incrementAndGet();
        ended.countDown();
        return first;
    }

    int inFlight() {
        return inFlight.get();
    }

    int peak() {
        return peak.get();
    }

    int succeeded() {
        return succeeded.get();
    }

    boolean anyEnded() {
        return endedCount.get() > 0;
    }

    /** Wall nanoseconds from the start to the first image, or -1. */
    long firstAnswerNanos() {
        return firstAnswer.get();
    }

    Throwable firstError() {
        return firstError.get();
    }

    /** Waits at most {@code millis} for every generation to end. */
    void awaitEnd(long millis) throws InterruptedException {
        ended.await(millis, TimeUnit.MILLISECONDS);
    }
}
