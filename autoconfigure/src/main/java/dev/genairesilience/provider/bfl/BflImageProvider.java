package dev.genairesilience.provider.bfl;

import dev.genairesilience.Resolution;
import dev.genairesilience.provider.JobImageProvider;
import dev.genairesilience.provider.http.SubmittedJob;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.JobHandle;
import dev.genairesilience.spi.PixelSize;
import dev.genairesilience.spi.ProviderCapabilities;
import java.time.Clock;
import java.time.Duration;

/**
 * One FLUX model at Black Forest Labs: an attempt is one submission and its polls, within the attempt's time
 * ({@link JobImageProvider}); the submitted job can be {@link #resume resumed} by its {@code polling_url} (see
 * {@link BflApi}).
 */
final class BflImageProvider extends JobImageProvider {

    /** The most pixels the API accepts: 4 megapixels. */
    static final long MAX_PIXELS = 4_000_000L;

    private final BflApi api;

    BflImageProvider(String id, String model, ProviderCapabilities capabilities, Duration timeout, BflApi api,
            Clock clock) {
        super(id, model, capabilities, timeout, clock);
        this.api = api;
    }

    @Override
    protected SubmittedJob submit(GenerationCall call) throws Exception {
        return api.submit(model(), call.prompt(), size(call), call.timeout());
    }

    @Override
    protected SubmittedJob reopen(JobHandle handle) {
        return api.resume(handle);
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
