package dev.genairesilience.benchmarks.load;

import dev.genairesilience.benchmarks.TimeScale;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: requests arrive on schedule whatever the strategy is doing, and are served by a bounded
 * pool of client threads, as in a web application. A request that finds every thread busy waits in the queue,
 * and that wait is part of its latency, measured from its scheduled arrival (so a slow strategy cannot hide
 * its backlog). After the last arrival the driver waits at most its drain limit; requests still running then
 * are interrupted and counted as unfinished.
 */
public final class LoadDriver {

    private final int clientThreads;
    private final Duration drainLimit;

    /**
     * @param clientThreads the size of the client pool
     * @param drainLimit    how long, in wall time, to wait for the last requests after the last arrival
     */
    public LoadDriver(int clientThreads, Duration drainLimit) {
        if (clientThreads < 1) {
            throw new IllegalArgumentException("clientThreads must be >= 1, was " + clientThreads);
        }
        this.clientThreads = clientThreads;
        this.drainLimit = drainLimit;
    }

    /**
     * Sends the phases' requests, the first at {@code start}, and returns once every request ended or the
     * drain limit ran out.
     */
    public LoadRun run(List<LoadPhase> phases, TimeScale scale, Instant start, RequestHandler handler)
            throws InterruptedException {
        int total = phases.stream().mapToInt(LoadPhase::arrivals).sum();
        AtomicReferenceArray<RequestRecord> records = new AtomicReferenceArray<>(total);
        AtomicBoolean gaveUp = new AtomicBoolean();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(clientThreads, clientThreads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), clientThreadFactory());
        long startNanos = System.nanoTime() + Duration.between(Instant.now(), start).toNanos();
        for (int index = 0; index < total; index++) {
            long arrival = arrivalOf(phases, scale, index);
            sleepUntil(startNanos + arrival);
            int i = index;
            pool.execute(() -> serve(i, arrival, startNanos, handler, records, gaveUp));
        }
        pool.shutdown();
        if (!pool.awaitTermination(drainLimit.toNanos(), TimeUnit.NANOSECONDS)) {
            gaveUp.set(true);
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        long endNanos = System.nanoTime() - startNanos;
        List<RequestRecord> all = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            RequestRecord record = records.get(i);
            all.add(record != null ? record
                    : new RequestRecord(i, arrivalOf(phases, scale, i), endNanos, endNanos,
                            RequestOutcome.UNFINISHED, null, null, null, null));
        }
        return new LoadRun(all);
    }

    private static void serve(int index, long arrivalNanos, long startNanos, RequestHandler handler,
            AtomicReferenceArray<RequestRecord> records, AtomicBoolean gaveUp) {
        long serviceStart = System.nanoTime() - startNanos;
        Delivery delivery = null;
        String failure = null;
        String failureMessage = null;
        RequestOutcome outcome;
        try {
            delivery = handler.handle(index);
            outcome = RequestOutcome.SUCCESS;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            outcome = RequestOutcome.FAILED;
            failure = e.getClass().getSimpleName();
            failureMessage = e.getMessage();
        }
        if (gaveUp.get()) {
            // the error, if any, is the interruption of the give-up, not the strategy's answer
            outcome = RequestOutcome.UNFINISHED;
            failure = null;
            failureMessage = null;
            delivery = null;
        }
        records.set(index, new RequestRecord(index, arrivalNanos, serviceStart, System.nanoTime() - startNanos,
                outcome, delivery == null ? null : delivery.model(), delivery == null ? null : delivery.resolution(),
                failure, failureMessage));
    }

    /** The scheduled arrival of request {@code index}, in wall nanoseconds since the start. */
    static long arrivalOf(List<LoadPhase> phases, TimeScale scale, int index) {
        long phaseStart = 0;
        int first = 0;
        for (LoadPhase phase : phases) {
            if (index < first + phase.arrivals()) {
                double gapNanos = scale.wall(Duration.ofSeconds(1)).toNanos() / phase.perSecond();
                return phaseStart + Math.round((index - first) * gapNanos);
            }
            first += phase.arrivals();
            phaseStart += scale.wall(phase.length()).toNanos();
        }
        throw new IllegalArgumentException("no request " + index);
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static ThreadFactory clientThreadFactory() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "client-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
