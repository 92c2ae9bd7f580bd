package dev.genairesilience.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Acceptance of issue 13 on one real PostgreSQL ({@code genai.shared-state.store=jdbc}). */
class ThreeInstancesOnPostgresTest extends ThreeInstancesContract {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Override
    List<String> storeArguments() {
        return List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--genai.shared-state.store=jdbc",
                "--genai.shared-state.initialize-schema=always");
    }
}
