package dev.genairesilience.provider.http;

import dev.genairesilience.spi.AbandonedJobException;
import dev.genairesilience.spi.ProviderHttpException;
import dev.genairesilience.spi.ProviderImage;
import dev.genairesilience.spi.UnknownJobException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one rule for asynchronous providers (submit, then poll): an attempt is one submission and as many polls as
 * fit in the attempt's time. Polls are not retries and do not count as attempts. A poll that fails transiently (no
 * answer, 429, 5xx) is polled again, never resubmitted, since a resubmission is a second paid generation. Polls
 * follow the API's hint when it gives one, else back off from {@link #FIRST_POLL} by half again each time up to
 * {@link #LONGEST_WAIT}, with jitter. When the attempt's time ends with the job unfinished, it is cancelled where
 * the API can cancel, and the attempt fails with an {@link AbandonedJobException} that names it. A job submitted by
 * an earlier run is {@link #resume resumed} by the same rule.
 */
public final class JobPoller {

    static final Duration FIRST_POLL = Duration.ofMillis(250);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(5);
    /** The most a cancellation may take, after the attempt's time. */
    static final Duration CANCEL_TIME = Duration.ofSeconds(2);

    private final String provider;
    private final Clock clock;

    public JobPoller(String provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    /**
     * Polls {@code job} until it is finished or {@code deadline} has passed.
     *
     * @throws AbandonedJobException when the deadline passed first
     * @throws Exception             what the job failed with, or a poll's non-transient failure
     */
    public ProviderImage await(SubmittedJob job, Instant deadline) throws Exception {
        return poll(job, deadline, false);
    }

    /**
     * Polls {@code job}, which an earlier run submitted, as {@link #await} does; an answer that says the API no
     * longer knows it ({@link JobState#gone}, or {@code 404} / {@code 410} for its URLs) makes it unknown.
     *
     * @throws UnknownJobException   when the API no longer knows the job
     * @throws AbandonedJobException when the deadline passed first
     * @throws Exception             what the job failed with, or a poll's non-transient failure
     */
    public ProviderImage resume(SubmittedJob job, Instant deadline) throws Exception {
        try {
            return poll(job, deadline, true);
        } catch (ProviderHttpException e) {
            if (e.status() == 404 || e.status() == 410) {
                throw new UnknownJobException(provider, job.id(), "HTTP " + e.status());
            }
            throw e;
        }
    }

    private ProviderImage poll(SubmittedJob job, Instant deadline, boolean resumed) throws Exception {
        Duration wait = FIRST_POLL;
        while (true) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw abandon(job);
            }
            JobState state = pollOnce(job, left);
            if (state != null && !state.isPending()) {
                if (resumed && state.isGone()) {
                    throw new UnknownJobException(provider, job.id(), state.failure().getMessage());
                }
                if (state.failure() != null) {
                    throw state.failure();
                }
                return state.image();
            }
            Duration next = state != null && state.nextPollHint() != null ? state.nextPollHint() : jittered(wait);
            wait = longer(wait);
            left = Duration.between(clock.instant(), deadline);
            if (next.compareTo(left) >= 0) {
                Thread.sleep(Math.max(0, left.toMillis()));
                throw abandon(job);
            }
            Thread.sleep(next.toMillis());
        }
    }

    /** One poll; {@code null} when it failed transiently, to be polled again. */
    private static JobState pollOnce(SubmittedJob job, Duration left) throws Exception {
        try {
            return job.poll(left);
        } catch (IOException e) {
            return null;
        } catch (ProviderHttpException e) {
            if (e.status() == 429 || e.status() >= 500) {
                return null;
            }
            throw e;
        }
    }

    private AbandonedJobException abandon(SubmittedJob job) throws InterruptedException {
        boolean cancelled;
        try {
            cancelled = job.cancel(CANCEL_TIME);
        } catch (IOException | RuntimeException e) {
            cancelled = false;
        }
        return new AbandonedJobException(provider, job.id(), cancelled);
    }

    private static Duration longer(Duration wait) {
        Duration next = wait.plus(wait.dividedBy(2));
        return next.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : next;
    }

    /** Between three quarters of {@code wait} and all of it. */
    private static Duration jittered(Duration wait) {
        long millis = wait.toMillis();
        return Duration.ofMillis(millis - ThreadLocalRandom.current().nextLong(millis / 4 + 1));
    }
}
