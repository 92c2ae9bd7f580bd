package dev.genairesilience.spi;

import java.net.http.HttpClient;

/**
 * Changes the one HTTP client every built-in provider calls through ({@code genAiHttpClient}), after the starter has
 * set it up: declare beans of this type (ordered by {@code @Order}) to set an authenticator for a proxy that asks for
 * credentials, an {@code SSLContext} built in code, an executor, or local addresses. The starter's settings come
 * first: HTTP/1.1, no redirects, {@code genai.http.connect-timeout}, {@code genai.http.proxy} and
 * {@code genai.http.ssl-bundle}. A customizer that turns redirects on makes every provider follow them, including
 * to other hosts with the provider's key: leave them off.
 */
@FunctionalInterface
public interface GenAiHttpClientCustomizer {

    /** Changes {@code builder}, which builds the shared client once at start-up. */
    void customize(HttpClient.Builder builder);
}
