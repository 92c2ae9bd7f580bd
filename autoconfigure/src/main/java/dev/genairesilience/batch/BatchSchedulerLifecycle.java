package dev.genairesilience.batch;

import com.github.kagkarlsson.scheduler.Scheduler;
import java.util.Objects;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the queue's db-scheduler once the application context is refreshed (so every job runs on a fully built
 * engine), and stops it first on shutdown, waiting for running jobs up to the scheduler's shutdown limit. A job
 * still running when the instance goes away is run again elsewhere after db-scheduler's dead-execution detection.
 *
 * <p>db-scheduler cannot start again once stopped, so a stopped queue stays stopped until the context is refreshed.
 */
public final class BatchSchedulerLifecycle implements SmartLifecycle {

    private final Scheduler scheduler;
    private final boolean autoStartup;
    private volatile boolean running;
    private volatile boolean stopped;

    /** @param autoStartup whether to start with the context ({@code genai.batch.auto-startup}) */
    public BatchSchedulerLifecycle(Scheduler scheduler, boolean autoStartup) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.autoStartup = autoStartup;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        if (stopped) {
            throw new IllegalStateException("The off-peak queue's scheduler was stopped and cannot start again");
        }
        scheduler.start();
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (running) {
            scheduler.stop();
            running = false;
            stopped = true;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }
}
