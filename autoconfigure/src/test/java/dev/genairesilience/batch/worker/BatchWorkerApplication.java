package dev.genairesilience.batch.worker;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small application with the starter and the off-peak queue, for tests that run it as a separate process or as
 * several instances on one database: one chain, {@code catalogue}, over a Gemini model at the emulator.
 */
@SpringBootApplication
public class BatchWorkerApplication {

    /** The Gemini model the chain asks the emulator for. */
    public static final String MODEL = "gemini-2.5-flash-image";

    public static void main(String[] args) {
        SpringApplication.run(BatchWorkerApplication.class, args);
    }

    /**
     * The settings of a worker, as {@code --name=value} arguments: an always-open window, quick polling and
     * heartbeats, so that a dead instance's jobs are picked up again within seconds.
     */
    public static List<String> arguments(URI emulator, Path images, String jdbcUrl, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + jdbcUrl,
                "--genai.providers.flash.type=gemini",
                "--genai.providers.flash.model=" + MODEL,
                "--genai.providers.flash.api-key=worker-test-key",
                "--genai.providers.flash.base-url=" + emulator,
                "--genai.providers.flash.timeout=10s",
                "--genai.chains.catalogue.providers=flash",
                "--genai.chains.catalogue.resolution=1K",
                "--genai.chains.catalogue.deadline=20s",
                "--genai.batch.window=always",
                "--genai.batch.initialize-schema=always",
                "--genai.batch.store-directory=" + images,
                "--genai.batch.poll-interval=200ms",
                "--genai.batch.heartbeat-interval=300ms",
                "--genai.batch.shutdown-timeout=1s"));
        args.addAll(List.of(more));
        return args;
    }
}
