package dev.genairesilience.provider.replicate;

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
 * One model on Replicate: an attempt is one prediction, waited for, then polled ({@link JobPoller}); the prediction
 * is told to the call's {@code submissions} once created, and can be {@link #resume resumed} by its URLs within the
 * hour Replicate keeps it (see {@link ReplicateApi}).
 */
final class ReplicateImageProvider extends ConfiguredImageProvider {

    private final ReplicateApi api;
    private final JobPoller poller;
    private final Clock clock;

    ReplicateImageProvider(String id, String model, ProviderCapabilities capabilities, Duration timeout,
            ReplicateApi api, Clock clock) {
        super(id, model, capabilities, timeout);
        this.api = api;
        this.clock = clock;
        this.poller = new JobPoller(id, clock);
    }

    @Override
    public ProviderImage generate(GenerationCall call) throws Exception {
        Instant deadline = clock.instant().plus(call.timeout());
        SubmittedJob prediction = api.submit(model(), call.prompt(), call.ratio().toString(), call.timeout());
        call.submissions().submitted(prediction.handle());
        return poller.await(prediction, deadline);
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
