package dev.genairesilience.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth 2 access token and when it expires, as an {@link AccessTokenSource} hands it out. Its
 * {@link #toString()} never shows the value.
 */
public final class AccessToken {

    private final String value;
    private final Instant expiresAt;

    private AccessToken(String value, Instant expiresAt) {
        this.value = Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("an access token's value must not be blank");
        }
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * @param value     the token, sent as {@code Authorization: Bearer <value>}
     * @param expiresAt when it stops being valid; the engine asks for a new one some minutes before
     */
    public static AccessToken of(String value, Instant expiresAt) {
        return new AccessToken(value, expiresAt);
    }

    /** The token itself; never log it. */
    public String value() {
        return value;
    }

    /** When the token stops being valid. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** Shows the expiry only. */
    @Override
    public String toString() {
        return "AccessToken[expiresAt=" + expiresAt + "]";
    }
}
