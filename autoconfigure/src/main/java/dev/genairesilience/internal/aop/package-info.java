/**
 * The aspects behind {@code @ImageGeneration} and {@code @ModelFallback}: each annotated method's plan, its body as
 * the last resort or as the call of every attempt, and the start-up check of every annotated method.
 *
 * <p>Internal: the starter wires these classes itself; they are not API and may change in any release. An
 * application configures them through {@code genai.*} properties, and replaces a bean by declaring its own.
 */
package dev.genairesilience.internal.aop;
