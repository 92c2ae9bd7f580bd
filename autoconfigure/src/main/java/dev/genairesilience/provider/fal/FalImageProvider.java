package dev.genairesilience.provider.fal;

import dev.genairesilience.Resolution;
import dev.genairesilience.provider.JobImageProvider;
import dev.genairesilience.provider.http.SubmittedJob;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.JobHandle;
import dev.genairesilience.spi.ProviderCapabilities;
import java.time.Clock;
import java.time.Duration;

/**
 * One model on fal's queue: an attempt is one queued request and its polls ({@link JobImageProvider}); the request
 * can be {@link #resume resumed} by its URLs while fal keeps its result (see {@link FalQueueApi}).
 */
final class FalImageProvider extends JobImageProvider {

    private final FalQueueApi api;

    FalImageProvider(String id, String model, ProviderCapabilities capabilities, Duration timeout, FalQueueApi api,
            Clock clock) {
        super(id, model, capabilities, timeout, clock);
        this.api = api;
    }

    @Override
    protected SubmittedJob submit(GenerationCall call) throws Exception {
        Resolution resolution = call.resolution() == null ? Resolution.ONE_K : call.resolution();
        return api.submit(model(), call.prompt(), call.ratio().fit(resolution.longSide(), 16), call.timeout());
    }

    @Override
    protected SubmittedJob reopen(JobHandle handle) {
        return api.resume(handle);
    }
}
