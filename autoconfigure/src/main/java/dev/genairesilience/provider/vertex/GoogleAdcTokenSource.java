package dev.genairesilience.provider.vertex;

import com.google.auth.oauth2.GoogleCredentials;
import dev.genairesilience.spi.AccessToken;
import dev.genairesilience.spi.AccessTokenSource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Tokens from Google's Application Default Credentials ({@code google-auth-library-oauth2-http}): the key file
 * {@code GOOGLE_APPLICATION_CREDENTIALS} names, gcloud's {@code application_default_credentials.json}, or the
 * metadata server of the Google Cloud machine the application runs on, scoped to
 * {@code https://www.googleapis.com/auth/cloud-platform}. Only loaded when that library is on the class path.
 */
final class GoogleAdcTokenSource implements AccessTokenSource {

    /** The class that says whether the library is there. */
    static final String LIBRARY_CLASS = "com.google.auth.oauth2.GoogleCredentials";

    static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    // Google's access tokens last an hour; one that says nothing is taken to
    private static final Duration UNSTATED_LIFETIME = Duration.ofHours(1);

    private final GoogleCredentials credentials;

    private GoogleAdcTokenSource(GoogleCredentials credentials) {
        this.credentials = credentials;
    }

    /**
     * Finds the application's default credentials.
     *
     * @throws IOException when there are none (the library's message says where it looked)
     */
    static GoogleAdcTokenSource load() throws IOException {
        return new GoogleAdcTokenSource(GoogleCredentials.getApplicationDefault().createScoped(SCOPE));
    }

    /** A new token: the library's refresh, which is one call to Google's token endpoint or the metadata server. */
    @Override
    public AccessToken fetch() throws IOException {
        com.google.auth.oauth2.AccessToken token = credentials.refreshAccessToken();
        Instant expiresAt = token.getExpirationTime() == null ? Instant.now().plus(UNSTATED_LIFETIME)
                : token.getExpirationTime().toInstant();
        return AccessToken.of(token.getTokenValue(), expiresAt);
    }

    @Override
    public String toString() {
        return "GoogleAdcTokenSource[" + credentials.getClass().getSimpleName() + "]";
    }
}
