package dev.genairesilience.shared;

import dev.genairesilience.internal.jdbc.SchemaScripts;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * Creates the shared state's three tables ({@code genai.shared-state.store=jdbc}) with the script for the database in
 * use ({@code schema-h2.sql}, {@code schema-postgresql.sql} next to this class), per
 * {@code genai.shared-state.initialize-schema}. The scripts only create what is missing.
 */
public final class SharedStateSchemaInitializer extends DataSourceScriptDatabaseInitializer {

    /** The schema scripts, {@code @@platform@@} being the database. */
    public static final String SCHEMA_LOCATION = "classpath:dev/genairesilience/shared/schema-@@platform@@.sql";

    public SharedStateSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode) {
        super(dataSource, SchemaScripts.settings(dataSource, mode, SCHEMA_LOCATION));
    }
}
