package dev.genairesilience.internal.warmup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.TaskScheduler;

/**
 * Repeats calls on a Spring {@link TaskScheduler}, each run handed to an {@link Executor}: a call may block for its
 * whole timeout (a cold model loading), and the scheduler's threads, which may be the application's own, must
 * not wait on it. A run still going when the next is due is not doubled: that turn is skipped. Everything still
 * scheduled is cancelled when the application closes.
 */
public final class PeriodicCalls implements DisposableBean {

    private final TaskScheduler scheduler;
    private final Executor executor;
    private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();

    /**
     * @param scheduler when the calls are due
     * @param executor  where they run
     */
    public PeriodicCalls(TaskScheduler scheduler, Executor executor) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Runs {@code call} every {@code interval}, the first time {@code interval} from now.
     *
     * @return cancels the repetition
     */
    public ScheduledFuture<?> every(Duration interval, Runnable call) {
        AtomicBoolean running = new AtomicBoolean();
        return keep(scheduler.scheduleWithFixedDelay(() -> runUnlessRunning(running, call),
                Instant.now().plus(interval), interval));
    }

    /** Runs {@code call} once, {@code delay} from now, on the scheduler's thread: it must be quick. */
    public void once(Duration delay, Runnable call) {
        keep(scheduler.schedule(call, Instant.now().plus(delay)));
    }

    /** Cancels every call still scheduled; runs already going finish. */
    @Override
    public void destroy() {
        scheduled.forEach(future -> future.cancel(false));
        scheduled.clear();
    }

    private ScheduledFuture<?> keep(ScheduledFuture<?> future) {
        scheduled.removeIf(ScheduledFuture::isDone);
        scheduled.add(future);
        return future;
    }

    private void runUnlessRunning(AtomicBoolean running, Runnable call) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    call.run();
                } finally {
                    running.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            // the executor is shutting down with the application: the next turn will not come either
            running.set(false);
        }
    }
}
