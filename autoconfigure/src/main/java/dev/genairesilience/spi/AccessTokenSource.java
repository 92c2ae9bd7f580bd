package dev.genairesilience.spi;

/**
 * Where a provider's OAuth 2 bearer tokens come from (Google's service accounts for {@code vertex-ai}, Microsoft
 * Entra for {@code azure-openai}). Declare one as a bean and name it in {@code genai.providers.<id>.options
 * .token-source}; a {@code vertex-ai} provider also takes the only bean of this type when it names none.
 *
 * <p>The engine caches the token and asks for a new one a few minutes before it expires, or after the provider
 * refused it with a {@code 401}; it asks one fetch at a time per provider, and waits for it no longer than the call
 * that needs it may take (a source that hangs costs that call, not the application). It never logs the token.
 */
@FunctionalInterface
public interface AccessTokenSource {

    /**
     * A new token. May block (a token endpoint, a metadata server); may throw, which fails the call that needed
     * it as a connection failure.
     */
    AccessToken fetch() throws Exception;
}
