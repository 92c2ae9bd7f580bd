package dev.genairesilience.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Starts calls on threads of their own at the same moment and waits for every answer. */
final class ConcurrentCalls {

    private ConcurrentCalls() {
    }

    /** Runs {@code call(0)} … {@code call(n - 1)} at once, each on its own thread; their answers in that order. */
    static <T> List<T> allAtOnce(int n, IntFunction<T> call) {
        ExecutorService callers = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<T>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int caller = i;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return call.apply(caller);
                }, callers));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (CompletableFuture<T> answer : answers) {
                results.add(answer.get(30, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            callers.shutdownNow();
        }
    }
}
