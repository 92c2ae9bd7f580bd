package dev.genairesilience.batch;

import dev.genairesilience.GeneratedImage;
import java.util.Optional;

/**
 * Where the images of off-peak jobs go. Writes are idempotent per job id: storing for the same job again
 * replaces what was there, so a job that runs twice (after an instance died mid-run) still leaves exactly one
 * image. {@link FileSystemImageStore} is the default; declare a bean of your own to store elsewhere.
 */
public interface ImageStore {

    /**
     * Stores the image of a job, replacing any image stored for it before. Either the whole image is stored or,
     * when this throws, what was stored before is left as it was.
     *
     * @return a reference to the stored image (a path, a URL, a key), kept with the job
     * @throws java.io.UncheckedIOException when the image cannot be written; the job goes back to the queue
     */
    String store(String jobId, GeneratedImage image);

    /** The image stored for this job, if there is one. */
    Optional<StoredImage> find(String jobId);
}
