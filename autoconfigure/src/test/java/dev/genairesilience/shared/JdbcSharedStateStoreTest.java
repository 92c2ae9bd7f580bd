package dev.genairesilience.shared;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.spi.SharedStateStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The JDBC store on a real PostgreSQL and on H2, through the schema scripts the starter ships. */
class JdbcSharedStateStoreTest {

    @Nested
    class OnPostgres extends SharedStateStoreContract {

        private static EmbeddedPostgres postgres;

        @BeforeAll
        static void start() throws IOException {
            postgres = EmbeddedPostgres.builder().start();
            new SharedStateSchemaInitializer(postgres.getPostgresDatabase(), DatabaseInitializationMode.ALWAYS)
                    .initializeDatabase();
        }

        @AfterAll
        static void stop() throws IOException {
            postgres.close();
        }

        @Override
        SharedStateStore store() {
            return new JdbcSharedStateStore(postgres.getPostgresDatabase());
        }
    }

    @Nested
    class OnH2 extends SharedStateStoreContract {

        private static final DataSource H2 = new DriverManagerDataSource("jdbc:h2:mem:shared-state;DB_CLOSE_DELAY=-1",
                "sa", "");

        @BeforeAll
        static void schema() {
            new SharedStateSchemaInitializer(H2, DatabaseInitializationMode.ALWAYS).initializeDatabase();
        }

        @Override
        SharedStateStore store() {
            return new JdbcSharedStateStore(H2);
        }
    }

    @Test
    void aDatabaseItCannotWorkOnIsNamed() {
        DataSource derby = new DriverManagerDataSource("jdbc:unknown:nothing");
        assertThatThrownBy(() -> new JdbcSharedStateStore(derby)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("genai.shared-state.store=jdbc");
    }
}
