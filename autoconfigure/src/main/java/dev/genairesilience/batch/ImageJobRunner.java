package dev.genairesilience.batch;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageJob;
import dev.genairesilience.chain.PriceList;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Runs one queued job: {@code QUEUED → RUNNING → SUCCEEDED | FAILED}, or back to {@code QUEUED} for the next window
 * when no provider had capacity. The scheduler calls it for one job at a time across all instances; a job whose
 * instance died while it was {@code RUNNING} is run again, and since the image store replaces a job's image, the
 * job still ends with exactly one.
 *
 * <p>With the engine's own generator ({@link QueuedGenerator}), each job an asynchronous provider accepts for the
 * job is kept with its row before it is polled; a run that finds one kept (an earlier run died, or its instance
 * stopped, while polling it) fetches that job first instead of paying for a second generation. Fetched, the job
 * succeeds with its image; unknown to the API by now, abandoned at the end of its time, or failed, it is forgotten
 * and the chain runs as usual. A job stopped by its instance's shutdown is left as it is, to go on after a restart.
 */
public final class ImageJobRunner {

    private static final Logger log = LoggerFactory.getLogger(ImageJobRunner.class);

    /** How long a job waits to try again for one of the queue's places when others hold them all. */
    static final Duration PLACE_WAIT = Duration.ofMillis(500);

    private final JdbcImageJobRepository jobs;
    private final ImageGenerator generator;
    private final ImageStore store;
    private final BatchWindow window;
    private final int maxWindows;
    private final QueueLimits limits;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final QueuedGenerator queued;

    /**
     * @param maxWindows how many windows a job may run in before a capacity failure fails it for good
     * @param limits     paces the job starts and bounds how many run at once
     */
    public ImageJobRunner(JdbcImageJobRepository jobs, ImageGenerator generator, ImageStore store, BatchWindow window,
            int maxWindows, QueueLimits limits, Clock clock, ApplicationEventPublisher events) {
        if (maxWindows < 1) {
            throw new IllegalArgumentException("maxWindows must be at least 1, was " + maxWindows);
        }
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.store = Objects.requireNonNull(store, "store");
        this.window = Objects.requireNonNull(window, "window");
        this.maxWindows = maxWindows;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
        this.queued = generator instanceof QueuedGenerator engine ? engine : null;
    }

    /**
     * Runs the job if its window is open.
     *
     * @return when to run it again, or empty when it is finished (or unknown)
     */
    public Optional<Instant> run(String id) {
        Optional<QueuedJob> found = jobs.find(id);
        if (found.isEmpty() || found.get().job().state().isFinal()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!window.contains(now)) {
            // picked after its window closed (or revived outside it): it waits for the next opening, which it
            // has not tried yet, so that opening counts as a new window
            Instant opening = window.openAt(now);
            jobs.requeue(id, now, opening);
            return Optional.of(opening);
        }
        String place = limits.enter(id);
        if (place == null) {
            // the queue's shared places are all taken by other instances' jobs: try again shortly, still queued
            return Optional.of(clock.instant().plus(PLACE_WAIT));
        }
        try {
            limits.awaitRate();
            Optional<ImageJob> running = jobs.markRunning(id, clock.instant());
            return running.isPresent() ? generate(running.get(), found.get()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(clock.instant());
        } finally {
            limits.leave(place);
        }
    }

    private Optional<Instant> generate(ImageJob job, QueuedJob row) {
        List<Attempt> resumed = List.of();
        if (row.providerJob() != null) {
            ResumedJob resumption = resume(job, row);
            if (Thread.currentThread().isInterrupted()) {
                return stopped(job);
            }
            if (resumption.outcome() == ResumedJob.Outcome.DELIVERED) {
                return store(job, resumption.image());
            }
            log.info("Off-peak job {}: {} of an earlier run was not fetched ({}: {}); the job runs anew", job.id(),
                    row.providerJob(), resumption.outcome(), resumption.reason());
            jobs.forgetProviderJob(job.id());
            resumed = resumption.attempt() == null ? List.of() : List.of(resumption.attempt());
        }
        GeneratedImage image;
        try {
            image = queued == null ? generator.generate(job.chain(), row.request())
                    : queued.generate(job.chain(), row.request(), submitted -> keep(job, submitted));
        } catch (GenerationRejectedException rejected) {
            return fail(job, "rejected: " + rejected.getMessage());
        } catch (GenerationUnavailableException unavailable) {
            if (Thread.currentThread().isInterrupted()) {
                return stopped(job);
            }
            return noCapacity(job, unavailable.getMessage(), unavailable.retryAfter());
        } catch (RuntimeException unexpected) {
            log.error("Off-peak job {} failed unexpectedly", job.id(), unexpected);
            return fail(job, "unexpected " + unexpected.getClass().getName() + ": " + unexpected.getMessage());
        }
        return store(job, after(resumed, image));
    }

    /** Fetches the provider job an earlier run kept with the row; one the engine cannot fetch is unknown. */
    private ResumedJob resume(ImageJob job, QueuedJob row) {
        if (queued == null) {
            return ResumedJob.notFetched(ResumedJob.Outcome.UNKNOWN, null, "the generator cannot resume jobs");
        }
        try {
            return queued.resume(job.chain(), row.request(), row.providerJob());
        } catch (RuntimeException e) {
            // a chain no longer configured, say: the run that follows says so
            return ResumedJob.notFetched(ResumedJob.Outcome.UNKNOWN, null, e.getClass().getSimpleName());
        }
    }

    /** Keeps a submitted provider job with the row; a failure to keep it must not fail the attempt that paid. */
    private void keep(ImageJob job, ProviderJob submitted) {
        try {
            jobs.keepProviderJob(job.id(), submitted);
        } catch (RuntimeException e) {
            log.warn("Off-peak job {}: {} could not be kept with the job ({}); a crash before it finishes would "
                    + "generate it again", job.id(), submitted, e.getClass().getName());
        }
    }

    /** {@code image}, its provenance led by the attempts of a resumption that did not deliver. */
    private static GeneratedImage after(List<Attempt> resumed, GeneratedImage image) {
        if (resumed.isEmpty()) {
            return image;
        }
        List<Attempt> attempts = new ArrayList<>(resumed);
        attempts.addAll(image.attempts());
        return new GeneratedImage(image.bytes(), image.mimeType(), image.provider(), image.model(),
                image.resolution(), image.degraded(), attempts, image.skipped(), image.shared(),
                PriceList.total(attempts));
    }

    /**
     * The instance is stopping (the scheduler interrupted the run): the row is left as it is, with any provider
     * job kept, and the job runs again as soon as an instance picks it, in the same window.
     */
    private Optional<Instant> stopped(ImageJob job) {
        log.info("Off-peak job {} was stopped with its instance; it goes on when an instance picks it again",
                job.id());
        return Optional.of(clock.instant());
    }

    private Optional<Instant> store(ImageJob job, GeneratedImage image) {
        String reference;
        try {
            reference = store.store(job.id(), image);
        } catch (UncheckedIOException storeFailure) {
            log.warn("Off-peak job {}: the image could not be stored; the job goes back to the queue", job.id(),
                    storeFailure);
            return noCapacity(job, "the image could not be stored: " + storeFailure.getMessage(), Duration.ZERO);
        }
        jobs.succeed(job.id(), clock.instant(), reference)
                .ifPresent(done -> events.publishEvent(new ImageJobSucceededEvent(done, image)));
        return Optional.empty();
    }

    /** Back to the queue for the next window, or failed for good once {@code maxWindows} have been tried. */
    private Optional<Instant> noCapacity(ImageJob job, String reason, Duration retryAfter) {
        if (job.windowsTried() >= maxWindows) {
            return fail(job, "no capacity in " + job.windowsTried() + " window(s): " + reason);
        }
        Instant now = clock.instant();
        Instant hinted = now.plus(retryAfter);
        Instant nextOpening = window.nextOpeningAfter(now);
        Instant next = window.openAt(hinted.isAfter(nextOpening) ? hinted : nextOpening);
        log.info("Off-peak job {} found no capacity in window {} of {}; queued again for {}", job.id(),
                job.windowsTried(), maxWindows, next);
        jobs.requeue(job.id(), now, next);
        return Optional.of(next);
    }

    private Optional<Instant> fail(ImageJob job, String reason) {
        jobs.fail(job.id(), clock.instant(), reason)
                .ifPresent(failed -> events.publishEvent(new ImageJobFailedEvent(failed)));
        return Optional.empty();
    }
}
