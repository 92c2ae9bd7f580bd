package dev.genairesilience.batch;

import dev.genairesilience.Resolution;
import dev.genairesilience.spi.JobHandle;
import java.util.Objects;

/**
 * A job an asynchronous provider accepted for a queued job, kept with the job's row so that a later run fetches it
 * instead of generating again. {@link #toString()} leaves the handle's value out: it may hold signed URLs.
 *
 * @param lane       where the attempt ran: the provider id, or {@code <id>#<n>} for the n-th of its API keys
 * @param resolution the resolution the attempt asked for
 * @param handle     what the provider needs to fetch the job
 */
public record ProviderJob(String lane, Resolution resolution, JobHandle handle) {

    public ProviderJob {
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(handle, "handle");
    }

    @Override
    public String toString() {
        return "ProviderJob[" + lane + (resolution == null ? "" : "/" + resolution.label()) + ", job "
                + handle.id() + "]";
    }
}
