package dev.genairesilience.provider;

import dev.genairesilience.provider.http.JobPoller;
import dev.genairesilience.provider.http.SubmittedJob;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.JobHandle;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A provider whose API is asynchronous (submit, then poll), all held to the one rule of {@link JobPoller}: an attempt
 * is one submission and its polls within the attempt's time; the submitted job is told to the call's
 * {@code submissions} before the first poll, so that the off-peak queue can {@link #resume} it after a restart. A
 * provider type adds only how it submits a job and how it reopens one from its handle.
 */
public abstract class JobImageProvider extends ConfiguredImageProvider {

    private final JobPoller poller;
    private final Clock clock;

    protected JobImageProvider(String id, String model, ProviderCapabilities capabilities, Duration timeout,
            Clock clock) {
        super(id, model, capabilities, timeout);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.poller = new JobPoller(id, clock);
    }

    /** Submits the job {@code call} asks for, within {@code call.timeout()}. */
    protected abstract SubmittedJob submit(GenerationCall call) throws Exception;

    /** The job {@code handle} names, to poll again (no call is made). */
    protected abstract SubmittedJob reopen(JobHandle handle);

    @Override
    public final ProviderImage generate(GenerationCall call) throws Exception {
        Instant deadline = clock.instant().plus(call.timeout());
        SubmittedJob job = submit(call);
        call.submissions().submitted(job.handle());
        return poller.await(job, deadline);
    }

    @Override
    public final boolean resumes() {
        return true;
    }

    @Override
    public final ProviderImage resume(JobHandle handle, Duration timeout) throws Exception {
        return poller.resume(reopen(handle), clock.instant().plus(timeout));
    }
}
