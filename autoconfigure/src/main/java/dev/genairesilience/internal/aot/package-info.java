/**
 * What a GraalVM native image needs to know ahead of time: the resources the starter reads and the application
 * methods it calls or inspects by reflection (the annotated methods and their fallback methods).
 *
 * <p>Internal: registered through {@code META-INF/spring/aot.factories}; not API and may change in any release.
 */
package dev.genairesilience.internal.aot;
