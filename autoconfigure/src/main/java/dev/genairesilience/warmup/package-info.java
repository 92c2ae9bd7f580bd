/**
 * The calls made to providers outside of requests: warm-up when the application has started (with readiness held
 * back until it ends), keep-alive, and free health probes that nudge the providers' circuit breakers.
 */
package dev.genairesilience.warmup;
