package dev.genairesilience.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.Resolution;
import dev.genairesilience.spi.JobHandle;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The schema scripts upgrade a job table created before jobs kept their provider job: the columns are added, the
 * rows kept, and running the scripts again changes nothing.
 */
class BatchSchemaUpgradeTest {

    /** The job table as the first release of the queue created it. */
    private static final String BEFORE = "create table genai_image_jobs (id varchar(64) not null primary key,"
            + " state varchar(16) not null, chain_name varchar(200) not null, prompt %s not null,"
            + " resolution varchar(8), aspect_ratio varchar(32), deadline_ms bigint, windows_tried int not null,"
            + " failure_reason varchar(2000), image_ref varchar(1000),"
            + " estimated_completion timestamp with time zone not null,"
            + " created_at timestamp with time zone not null, updated_at timestamp with time zone not null)";
    private static final String ROW = "insert into genai_image_jobs (id, state, chain_name, prompt, windows_tried,"
            + " estimated_completion, created_at, updated_at) values ('old', 'RUNNING', 'catalogue', 'a mug', 1,"
            + " current_timestamp, current_timestamp, current_timestamp)";

    @Test
    void anH2TableFromBeforeGainsTheProviderJobColumns() {
        DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:upgrade-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        upgrades(dataSource, "character varying");
    }

    @Test
    void aPostgresqlTableFromBeforeGainsTheProviderJobColumns() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            upgrades(postgres.getPostgresDatabase(), "text");
        }
    }

    private static void upgrades(DataSource dataSource, String textType) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute(BEFORE.formatted(textType));
        jdbc.update(ROW);

        new BatchSchemaInitializer(dataSource, DatabaseInitializationMode.ALWAYS).initializeDatabase();
        new BatchSchemaInitializer(dataSource, DatabaseInitializationMode.ALWAYS).initializeDatabase();

        JdbcImageJobRepository jobs = new JdbcImageJobRepository(jdbc);
        QueuedJob old = jobs.find("old").orElseThrow();
        assertThat(old.providerJob()).isNull();
        assertThat(jobs.keepProviderJob("old", new ProviderJob("flux#2", Resolution.TWO_K,
                JobHandle.of("job-9", "x".repeat(4000))))).isTrue();
        ProviderJob kept = jobs.find("old").orElseThrow().providerJob();
        assertThat(kept.lane()).isEqualTo("flux#2");
        assertThat(kept.resolution()).isEqualTo(Resolution.TWO_K);
        assertThat(kept.handle().value()).hasSize(4000);
        assertThat(columns(jdbc)).contains("provider_job_lane", "provider_job_resolution", "provider_job_id",
                "provider_job_handle");
    }

    private static List<String> columns(JdbcTemplate jdbc) {
        return jdbc.queryForList("select lower(column_name) from information_schema.columns"
                + " where lower(table_name) = 'genai_image_jobs'", String.class);
    }
}
