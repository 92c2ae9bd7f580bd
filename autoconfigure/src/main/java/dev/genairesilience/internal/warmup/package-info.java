/**
 * The calls made to providers outside of requests: warm-up when the application has started (with readiness held
 * back until it ends), keep-alive, and free health probes that nudge the providers' circuit breakers.
 *
 * <p>Internal: the starter wires these classes itself; they are not API and may change in any release. An
 * application configures them through {@code genai.*} properties, and replaces a bean by declaring its own.
 */
package dev.genairesilience.internal.warmup;
