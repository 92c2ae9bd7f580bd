/**
 * The operator's view: what the engine did (through {@link dev.genairesilience.chain.ExecutionListener}), as
 * Micrometer meters, one log line per generation, a {@code genai} health contributor and the {@code /actuator/genai}
 * endpoint; and what it does while it runs (through {@link dev.genairesilience.chain.ExecutionObserver} and the
 * observed HTTP client), as Micrometer Observations and so spans. Never a key, never a prompt (unless the
 * application asks for prompts in the log).
 *
 * <p>Internal: the starter wires these classes itself; they are not API and may change in any release. An
 * application configures them through {@code genai.*} properties, and replaces a bean by declaring its own.
 */
package dev.genairesilience.internal.observation;
