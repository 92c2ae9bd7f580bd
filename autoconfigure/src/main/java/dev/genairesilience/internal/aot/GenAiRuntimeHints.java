package dev.genairesilience.internal.aot;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * The starter's own resources that a native image must include: the off-peak queue's schema scripts, which
 * {@code BatchSchemaInitializer} reads from the classpath for the database in use (H2, PostgreSQL). Everything the
 * starter reaches by reflection in an application's classes is registered per bean by
 * {@link AnnotatedMethodsAotProcessor}.
 */
public class GenAiRuntimeHints implements RuntimeHintsRegistrar {

    /** The queue's schema scripts, one per database platform ({@code schema-@@platform@@.sql}). */
    static final String SCHEMA_SCRIPTS = "dev/genairesilience/batch/schema-*.sql";

    @Override
    public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
        hints.resources().registerPattern(SCHEMA_SCRIPTS);
    }
}
