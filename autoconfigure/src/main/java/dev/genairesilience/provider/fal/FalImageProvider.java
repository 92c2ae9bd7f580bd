package dev.genairesilience.provider.fal;

import dev.genairesilience.Resolution;
import dev.genairesilience.provider.ConfiguredImageProvider;
import dev.genairesilience.provider.http.JobPoller;
import dev.genairesilience.provider.http.SubmittedJob;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.JobHandle;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One model on fal's queue: an attempt is one queued request and its polls ({@link JobPoller}); the request is told
 * to the call's {@code submissions} once queued, and can be {@link #resume resumed} by its URLs while fal keeps its
 * result (see {@link FalQueueApi}).
 */
final class FalImageProvider extends ConfiguredImageProvider {

    private final FalQueueApi api;
    private final JobPoller poller;
    private final Clock clock;

    FalImageProvider(String id, String model, ProviderCapabilities capabilities, Duration timeout, FalQueueApi api,
            Clock clock) {
        super(id, model, capabilities, timeout);
        this.api = api;
        this.clock = clock;
        this.poller = new JobPoller(id, clock);
    }

    @Override
    public ProviderImage generate(GenerationCall call) throws Exception {
        Instant deadline = clock.instant().plus(call.timeout());
        Resolution resolution = call.resolution() == null ? Resolution.ONE_K : call.resolution();
        SubmittedJob request = api.submit(model(), call.prompt(), call.ratio().fit(resolution.longSide(), 16),
                call.timeout());
        call.submissions().submitted(request.handle());
        return poller.await(request, deadline);
    }

    @Override
    public boolean resumes() {
        return true;
    }

    @Override
    public ProviderImage resume(JobHandle handle, Duration timeout) throws Exception {
        return poller.resume(api.resume(handle), clock.instant().plus(timeout));
    }
}
