package dev.genairesilience.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.Resolution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemImageStoreTest {

    @TempDir
    Path directory;

    private static GeneratedImage image(String mimeType, int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return new GeneratedImage(bytes, mimeType, "p", "m", Resolution.ONE_K, false, List.of());
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anImageIsStoredAsOneFileNamedAfterTheJobAndReadBack() throws IOException {
        FileSystemImageStore store = new FileSystemImageStore(directory.resolve("images"));

        String reference = store.store("job-1", image("image/png", 1, 2, 3));

        assertThat(reference).endsWith("job-1.png");
        StoredImage stored = store.find("job-1").orElseThrow();
        assertThat(stored.bytes()).containsExactly(1, 2, 3);
        assertThat(stored.mimeType()).isEqualTo("image/png");
        assertThat(store.find("job-2")).isEmpty();
    }

    @Test
    void storingTheSameJobAgainReplacesItsImageAndLeavesOneFile() throws IOException {
        FileSystemImageStore store = new FileSystemImageStore(directory);

        store.store("job-1", image("image/png", 1));
        store.store("job-1", image("image/png", 2));
        store.store("job-1", image("image/jpeg", 3));

        assertThat(files()).containsExactly("job-1.jpg");
        assertThat(store.find("job-1").orElseThrow().bytes()).containsExactly(3);
    }

    @Test
    void aWriteCutShortBeforeItsMoveLeavesNoImageAndIsOverwrittenByTheNextStore() throws IOException {
        FileSystemImageStore store = new FileSystemImageStore(directory);
        Files.write(directory.resolve("job-1.partial"), new byte[] { 9, 9 });

        assertThat(store.find("job-1")).isEmpty();
        store.store("job-1", image("image/png", 1));

        assertThat(files()).containsExactly("job-1.png");
    }

    @Test
    void anIdThatCouldLeaveTheDirectoryIsRefused() {
        FileSystemImageStore store = new FileSystemImageStore(directory);

        assertThatThrownBy(() -> store.store("../etc/passwd", image("image/png", 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.find("a/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
