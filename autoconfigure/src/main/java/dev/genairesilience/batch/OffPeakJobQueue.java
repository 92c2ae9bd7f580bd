package dev.genairesilience.batch;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageJobQueue;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.JobState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.transaction.support.TransactionOperations;

/**
 * The off-peak queue on the application's database: a job row and its db-scheduler execution, written in one
 * transaction so that no job exists without the execution that will run it (and none runs without its row).
 * The execution is due when the window next opens.
 */
public final class OffPeakJobQueue implements ImageJobQueue {

    private final JdbcImageJobRepository jobs;
    private final SchedulerClient scheduler;
    private final TransactionOperations transactions;
    private final BatchWindow window;
    private final Duration perJob;
    private final Clock clock;

    /**
     * @param scheduler    schedules the executions; it must write through the connection of the transaction
     *                     {@code transactions} opens (db-scheduler on a {@code TransactionAwareDataSourceProxy})
     * @param transactions runs each submission as one transaction
     * @param rate         the drain rate in jobs per second, for the estimated completion
     */
    public OffPeakJobQueue(JdbcImageJobRepository jobs, SchedulerClient scheduler, TransactionOperations transactions,
            BatchWindow window, double rate, Clock clock) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.window = Objects.requireNonNull(window, "window");
        this.perJob = Duration.ofNanos(Math.round(1_000_000_000L / rate));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ImageJob enqueue(String chain, ImageRequest request) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(request, "request");
        return transactions.execute(status -> {
            Instant now = clock.instant();
            // the jobs ahead drain at this instance's rate limit, inside the window only (other instances
            // draining too make it sooner)
            Instant estimate = window.drainedBy(now, perJob.multipliedBy(jobs.countWaiting() + 1L));
            ImageJob job = new ImageJob(UUID.randomUUID().toString(), JobState.QUEUED, chain, estimate, 0, null, now,
                    now);
            jobs.insert(job, request);
            scheduler.scheduleIfNotExists(ImageJobTask.DESCRIPTOR.instance(job.id()).scheduledTo(window.openAt(now)));
            return job;
        });
    }

    @Override
    public Optional<ImageJob> find(String id) {
        return id == null || id.isBlank() ? Optional.empty() : jobs.job(id);
    }

    @Override
    public String toString() {
        return "OffPeakJobQueue[window=" + window + "]";
    }
}
