package dev.genairesilience.internal.jdbc;

import javax.sql.DataSource;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;

/** The one rule for the starter's schema scripts: one per database platform, run per an initialization mode. */
public final class SchemaScripts {

    private SchemaScripts() {
    }

    /**
     * @param location such as {@code classpath:dev/genairesilience/batch/schema-@@platform@@.sql}, where a
     *                 {@code @@platform@@} is the database, such as {@code h2} or {@code postgresql}
     */
    public static DatabaseInitializationSettings settings(DataSource dataSource, DatabaseInitializationMode mode,
            String location) {
        DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
        settings.setMode(mode);
        if (mode != DatabaseInitializationMode.NEVER) {
            settings.setSchemaLocations(
                    new PlatformPlaceholderDatabaseDriverResolver().resolveAll(dataSource, location));
        }
        return settings;
    }
}
