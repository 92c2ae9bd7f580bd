package dev.genairesilience.provider.http;

import dev.genairesilience.spi.ProviderHttpException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * How a provider's calls are authorized: a fixed key in a header, an OAuth 2 bearer token from an
 * {@link AccessTokenCache}, or nothing. A token is fetched within the call's time, and what the fetch took is taken
 * off the time the exchange gets; a {@code 401} answer to a token tells the cache, so the next call carries a new one
 * (the answer itself still fails the call, as {@code AUTHENTICATION}). {@link #toString()} never shows a key.
 */
public final class ProviderCredential {

    private static final ProviderCredential NONE = new ProviderCredential(null, null, null);

    private final String header;
    private final String value;
    private final AccessTokenCache tokens;

    private ProviderCredential(String header, String value, AccessTokenCache tokens) {
        this.header = header;
        this.value = value;
        this.tokens = tokens;
    }

    /** No credential. */
    public static ProviderCredential none() {
        return NONE;
    }

    /**
     * A key sent as {@code header: prefix + key}, such as {@code x-goog-api-key} or {@code Authorization: Bearer …};
     * {@code null} or a blank key sends none.
     */
    public static ProviderCredential key(String header, String prefix, String key) {
        Objects.requireNonNull(header, "header");
        return key == null || key.isBlank() ? NONE : new ProviderCredential(header, prefix + key, null);
    }

    /** A bearer token from {@code tokens}, sent as {@code Authorization: Bearer …}. */
    public static ProviderCredential bearer(AccessTokenCache tokens) {
        return new ProviderCredential("Authorization", null, Objects.requireNonNull(tokens, "tokens"));
    }

    /** Whether calls carry a bearer token from an {@link AccessTokenCache}. */
    public boolean isToken() {
        return tokens != null;
    }

    /**
     * Authorizes {@code request} and makes its one exchange, all within {@code timeout}.
     *
     * @see ProviderHttpClient#exchange(HttpRequest.Builder, Duration)
     */
    public HttpResponse<byte[]> exchange(ProviderHttpClient http, HttpRequest.Builder request, Duration timeout)
            throws IOException, InterruptedException {
        if (tokens == null) {
            if (value != null) {
                request.header(header, value);
            }
            return http.exchange(request, timeout);
        }
        long start = System.nanoTime();
        String token = tokens.token(timeout);
        request.header(header, "Bearer " + token);
        Duration left = timeout.minusNanos(System.nanoTime() - start);
        try {
            return http.exchange(request, left);
        } catch (ProviderHttpException e) {
            if (e.status() == 401) {
                tokens.refused(token);
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return tokens != null ? "ProviderCredential[bearer token from " + tokens + "]"
                : value != null ? "ProviderCredential[" + header + ": <set>]" : "ProviderCredential[none]";
    }
}
