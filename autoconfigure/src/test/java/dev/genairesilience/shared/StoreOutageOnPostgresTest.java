package dev.genairesilience.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance 2 of issue 13 on a real PostgreSQL, stopped and started again on its port and data directory. */
class StoreOutageOnPostgresTest extends StoreOutageContract {

    @TempDir
    Path data;

    private int port;
    private EmbeddedPostgres postgres;

    @BeforeEach
    void start() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        startStore();
    }

    @AfterEach
    void stop() throws IOException {
        stopStore();
    }

    @Override
    List<String> storeArguments() {
        return List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.hikari.connection-timeout=250",
                "--spring.datasource.hikari.initialization-fail-timeout=-1", "--genai.shared-state.store=jdbc",
                "--genai.shared-state.initialize-schema=always");
    }

    @Override
    void stopStore() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    @Override
    void startStore() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false)
                .start();
    }
}
