package dev.genairesilience.batch;

import dev.genairesilience.GeneratedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Stores each job's image as one file, {@code <job id>.<extension>}, in a directory. An image is written to a
 * temporary file named after the job and then moved into place atomically, so a reader (or an instance that
 * restarts after being killed mid-write) sees either no image or a whole one, and a job stored twice keeps one
 * file.
 */
public final class FileSystemImageStore implements ImageStore {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String TEMPORARY = ".partial";
    private static final String OTHER = "bin";
    /** File extensions and the media types they hold, in the order {@link #find} looks for them. */
    private static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("png", "image/png");
        TYPES.put("jpg", "image/jpeg");
        TYPES.put("webp", "image/webp");
        TYPES.put("gif", "image/gif");
        TYPES.put(OTHER, "application/octet-stream");
    }

    private final Path directory;

    /** @param directory where the images go; created when missing */
    public FileSystemImageStore(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The directory the images are in. */
    public Path directory() {
        return directory;
    }

    @Override
    public String store(String jobId, GeneratedImage image) {
        checkId(jobId);
        Path target = directory.resolve(jobId + "." + extension(image.mimeType()));
        Path partial = directory.resolve(jobId + TEMPORARY);
        try {
            Files.createDirectories(directory);
            Files.write(partial, image.bytes());
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            removeOthers(jobId, target);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the image of job " + jobId + " in " + directory, e);
        }
        return target.toString();
    }

    @Override
    public Optional<StoredImage> find(String jobId) {
        checkId(jobId);
        try {
            for (Map.Entry<String, String> type : TYPES.entrySet()) {
                Path file = directory.resolve(jobId + "." + type.getKey());
                if (Files.isRegularFile(file)) {
                    return Optional.of(new StoredImage(Files.readAllBytes(file), type.getValue()));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the image of job " + jobId + " from " + directory, e);
        }
    }

    /** A job stored again with another media type keeps only the new file. */
    private void removeOthers(String jobId, Path kept) throws IOException {
        for (String extension : TYPES.keySet()) {
            Path file = directory.resolve(jobId + "." + extension);
            if (!file.equals(kept)) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static String extension(String mimeType) {
        String type = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> entry : TYPES.entrySet()) {
            if (entry.getValue().equals(type)) {
                return entry.getKey();
            }
        }
        return OTHER;
    }

    /** Job ids become file names: nothing that could leave the directory. */
    private static void checkId(String jobId) {
        if (jobId == null || !SAFE_ID.matcher(jobId).matches() || jobId.contains("..")) {
            throw new IllegalArgumentException("Not a job id: " + jobId);
        }
    }

    @Override
    public String toString() {
        return "FileSystemImageStore[" + directory + "]";
    }
}
