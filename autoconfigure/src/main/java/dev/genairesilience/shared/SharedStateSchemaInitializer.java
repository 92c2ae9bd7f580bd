package dev.genairesilience.shared;

import dev.genairesilience.internal.jdbc.SchemaScripts;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * Creates the shared state's three tables ({@code genai.shared-state.store=jdbc}) with {@code schema.sql} next to this
 * class, one script for both databases the store works on (PostgreSQL and H2), per
 * {@code genai.shared-state.initialize-schema}. The script only creates what is missing.
 */
public final class SharedStateSchemaInitializer extends DataSourceScriptDatabaseInitializer {

    /** The schema script. */
    public static final String SCHEMA_LOCATION = "classpath:dev/genairesilience/shared/schema.sql";

    public SharedStateSchemaInitializer(DataSource dataSource, DatabaseInitializationMode mode) {
        super(dataSource, SchemaScripts.settings(dataSource, mode, SCHEMA_LOCATION));
    }
}
