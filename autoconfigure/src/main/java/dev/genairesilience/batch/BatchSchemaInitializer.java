package dev.genairesilience.batch;

import dev.genairesilience.internal.jdbc.SchemaScripts;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * Creates the queue's two tables with the script for the database in use ({@code schema-h2.sql},
 * {@code schema-postgresql.sql} next to this class), as Spring Boot does for its own stores:
 * {@code embedded} only on an in-memory embedded database, {@code always}, or {@code never} (the tables are
 * managed elsewhere, by Flyway or Liquibase for instance). The scripts only create what is missing.
 */
public final class BatchSchemaInitializer extends DataSourceScriptDatabaseInitializer {

    /** The schema scripts, {@code @@platform@@} being the database, such as {@code h2} or {@code postgresql}. */
    public static final String SCHEMA_LOCATION = "classpath:dev/genairesilience/batch/schema-@@platform@@.sql";

    public BatchSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode) {
        super(dataSource, SchemaScripts.settings(dataSource, mode, SCHEMA_LOCATION));
    }
}
