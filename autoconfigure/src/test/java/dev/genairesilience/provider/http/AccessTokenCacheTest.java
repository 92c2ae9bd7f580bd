package dev.genairesilience.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.spi.AccessToken;
import dev.genairesilience.spi.AccessTokenSource;
import dev.genairesilience.testsupport.MutableClock;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AccessTokenCacheTest {

    private static final Duration CALL = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger fetches = new AtomicInteger();

    /** Tokens t1, t2, … valid for an hour from when they are fetched. */
    private final AccessTokenSource hourly = () -> AccessToken.of("t" + fetches.incrementAndGet(),
            clock.instant().plus(Duration.ofHours(1)));

    private AccessTokenCache cache(AccessTokenSource source) {
        return AccessTokenCache.builder("vertex", source).clock(clock).build();
    }

    @Test
    void aTokenIsFetchedOnceAndKeptUntilTheMarginBeforeItExpires() throws Exception {
        AccessTokenCache cache = cache(hourly);

        assertThat(cache.token(CALL)).isEqualTo("t1");
        clock.advance(Duration.ofMinutes(54));
        assertThat(cache.token(CALL)).isEqualTo("t1");
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofMinutes(7));
        assertThat(cache.token(CALL)).isEqualTo("t2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void manyCallsNeedingATokenAtOnceWaitForOneFetch() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AccessTokenCache cache = cache(() -> {
            release.await();
            return hourly.fetch();
        });
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tokens.add(callers.submit(() -> cache.token(CALL)));
            }
            release.countDown();
            for (Future<String> token : tokens) {
                assertThat(token.get(20, TimeUnit.SECONDS)).isEqualTo("t1");
            }
            assertThat(fetches).hasValue(1);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aSourceThatHangsCostsTheCallItsTimeAndIsGivenUpAfterTheFetchTimeout() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        AccessTokenCache cache = AccessTokenCache.builder("vertex", () -> {
            started.incrementAndGet();
            never.await();
            return hourly.fetch();
        }).clock(clock).fetchTimeout(Duration.ofMillis(50)).build();

        assertThatThrownBy(() -> cache.token(Duration.ofSeconds(5))).isInstanceOf(HttpTimeoutException.class)
                .hasMessage("genai.providers.vertex: its access token source gave no token in time");
        assertThatThrownBy(() -> cache.token(Duration.ofSeconds(5))).isInstanceOf(HttpTimeoutException.class);
        // the first fetch was given up after its 50 ms, so the second call started another
        assertThat(started).hasValue(2);
    }

    @Test
    void aFailingSourceFailsTheCallNamingOnlyItsExceptionsType() {
        AccessTokenCache cache = cache(() -> {
            throw new IllegalStateException("the secret body of the token endpoint");
        });

        assertThatThrownBy(() -> cache.token(CALL)).isInstanceOf(IOException.class)
                .hasMessage("genai.providers.vertex: its access token source failed "
                        + "(java.lang.IllegalStateException)");
    }

    @Test
    void whileTheTokenIsStillValidAFailingRefreshCostsNothing() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AccessTokenCache cache = cache(() -> {
            if (calls.incrementAndGet() > 1) {
                throw new IOException("token endpoint down");
            }
            return hourly.fetch();
        });
        assertThat(cache.token(CALL)).isEqualTo("t1");

        clock.advance(Duration.ofMinutes(57));

        assertThat(cache.token(CALL)).isEqualTo("t1");
        assertThat(cache.token(CALL)).isEqualTo("t1");
    }

    @Test
    void aRefusedTokenIsFetchedAgainOnceHoweverManyCallsCarriedIt() throws Exception {
        AccessTokenCache cache = cache(hourly);
        String refused = cache.token(CALL);

        cache.refused(refused);
        cache.refused(refused);
        assertThat(cache.token(CALL)).isEqualTo("t2");
        cache.refused(refused);

        assertThat(cache.token(CALL)).isEqualTo("t2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aTokenThatHasExpiredAlreadyOrNoTokenIsRefused() {
        AccessTokenCache expired = cache(() -> AccessToken.of("old", clock.instant().minusSeconds(1)));
        AccessTokenCache none = cache(() -> null);

        assertThatThrownBy(() -> expired.token(CALL)).isInstanceOf(IOException.class)
                .hasMessageContaining("returned a token that had expired at");
        assertThatThrownBy(() -> none.token(CALL)).isInstanceOf(IOException.class)
                .hasMessage("genai.providers.vertex: its access token source returned no token");
    }

    @Test
    void neitherTheTokenNorTheCacheShowsItsValue() throws Exception {
        AccessTokenCache cache = cache(() -> AccessToken.of("secret-value", clock.instant().plusSeconds(3600)));
        cache.token(CALL);

        assertThat(cache.toString()).doesNotContain("secret-value");
        assertThat(AccessToken.of("secret-value", clock.instant()).toString()).doesNotContain("secret-value");
        assertThat(ProviderCredential.bearer(cache).toString()).doesNotContain("secret-value");
        assertThat(ProviderCredential.key("api-key", "", "secret-value").toString()).doesNotContain("secret-value");
    }
}
