/**
 * A chain as a Spring AI {@code ImageModel}: Spring AI code calls {@link dev.genairesilience.springai.ChainImageModel}
 * unchanged and gets the whole engine, with the provenance in {@link
 * dev.genairesilience.springai.GenAiImageResponseMetadata}. Needs Spring AI ({@code spring-ai-model}) on the
 * classpath; the starter then declares the bean {@code genAiImageModel}.
 */
package dev.genairesilience.springai;
