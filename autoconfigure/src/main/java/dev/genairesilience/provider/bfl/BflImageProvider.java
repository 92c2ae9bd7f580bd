package dev.genairesilience.provider.bfl;

import dev.genairesilience.Resolution;
import dev.genairesilience.provider.ConfiguredImageProvider;
import dev.genairesilience.provider.http.JobPoller;
import dev.genairesilience.provider.http.SubmittedJob;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.JobHandle;
import dev.genairesilience.spi.PixelSize;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One FLUX model at Black Forest Labs: an attempt is one submission and its polls, within the attempt's time
 * ({@link JobPoller}); the submitted job is told to the call's {@code submissions} before the first poll, and can be
 * {@link #resume resumed} by its {@code polling_url} (see {@link BflApi}).
 */
final class BflImageProvider extends ConfiguredImageProvider {

    /** The most pixels the API accepts: 4 megapixels. */
    static final long MAX_PIXELS = 4_000_000L;

    private final BflApi api;
    private final JobPoller poller;
    private final Clock clock;

    BflImageProvider(String id, String model, ProviderCapabilities capabilities, Duration timeout, BflApi api,
            Clock clock) {
        super(id, model, capabilities, timeout);
        this.api = api;
        this.clock = clock;
        this.poller = new JobPoller(id, clock);
    }

    @Override
    public ProviderImage generate(GenerationCall call) throws Exception {
        Instant deadline = clock.instant().plus(call.timeout());
        SubmittedJob job = api.submit(model(), call.prompt(), size(call), call.timeout());
        call.submissions().submitted(job.handle());
        return poller.await(job, deadline);
    }

    @Override
    public boolean resumes() {
        return true;
    }

    @Override
    public ProviderImage resume(JobHandle handle, Duration timeout) throws Exception {
        return poller.resume(api.resume(handle), clock.instant().plus(timeout));
    }

    /** The resolution's long side at the call's aspect ratio, in multiples of 16, scaled down to 4 megapixels. */
    static PixelSize size(GenerationCall call) {
        Resolution resolution = call.resolution() == null ? Resolution.ONE_K : call.resolution();
        PixelSize size = call.ratio().fit(resolution.longSide(), 16);
        long pixels = (long) size.width() * size.height();
        if (pixels <= MAX_PIXELS) {
            return size;
        }
        double scale = Math.sqrt(MAX_PIXELS / (double) pixels);
        return new PixelSize(down16(size.width() * scale), down16(size.height() * scale));
    }

    private static int down16(double side) {
        return Math.max(64, (int) (side / 16) * 16);
    }
}
