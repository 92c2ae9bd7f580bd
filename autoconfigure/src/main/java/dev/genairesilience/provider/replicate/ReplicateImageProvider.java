package dev.genairesilience.provider.replicate;

import dev.genairesilience.provider.JobImageProvider;
import dev.genairesilience.provider.http.SubmittedJob;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.JobHandle;
import dev.genairesilience.spi.ProviderCapabilities;
import java.time.Clock;
import java.time.Duration;

/**
 * One model on Replicate: an attempt is one prediction, waited for, then polled ({@link JobImageProvider}); the
 * prediction can be {@link #resume resumed} by its URLs within the hour Replicate keeps it (see
 * {@link ReplicateApi}).
 */
final class ReplicateImageProvider extends JobImageProvider {

    private final ReplicateApi api;

    ReplicateImageProvider(String id, String model, ProviderCapabilities capabilities, Duration timeout,
            ReplicateApi api, Clock clock) {
        super(id, model, capabilities, timeout, clock);
        this.api = api;
    }

    @Override
    protected SubmittedJob submit(GenerationCall call) throws Exception {
        return api.submit(model(), call.prompt(), call.ratio().toString(), call.timeout());
    }

    @Override
    protected SubmittedJob reopen(JobHandle handle) {
        return api.resume(handle);
    }
}
