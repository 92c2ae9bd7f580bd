package dev.genairesilience.batch;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageJob;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private Optional<Instant> generate(ImageJob job, QueuedJob queued) {
        GeneratedImage image;
        try {
            image = generator.generate(job.chain(), queued.request());
        } catch (GenerationRejectedException rejected) {
            return fail(job, "rejected: " + rejected.getMessage());
        } catch (GenerationUnavailableException unavailable) {
            return noCapacity(job, unavailable.getMessage(), unavailable.retryAfter());
        } catch (RuntimeException unexpected) {
            log.error("Off-peak job {} failed unexpectedly", job.id(), unexpected);
            return fail(job, "unexpected " + unexpected.getClass().getName() + ": " + unexpected.getMessage());
        }
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
