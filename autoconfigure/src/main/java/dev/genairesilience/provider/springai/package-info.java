/**
 * Providers of type {@code spring-ai}: any Spring AI {@code ImageModel} bean of the application as a step of a chain,
 * one model call per attempt (its own retry stopped after the first attempt of each call the engine makes), within
 * the attempt's timeout.
 */
package dev.genairesilience.provider.springai;
