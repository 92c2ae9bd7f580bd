package dev.genairesilience.internal.observation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.Attempt;
import dev.genairesilience.Resolution;
import dev.genairesilience.chain.ChainDefinition;
import dev.genairesilience.chain.RegistryProviderBreakers;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.internal.warmup.ProbeResults;
import dev.genairesilience.internal.warmup.WarmupFixtures;
import dev.genairesilience.internal.warmup.WarmupStates;
import dev.genairesilience.testsupport.MutableClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Each sign a provider gives, and the worst one wins; a chain serves while one of its providers can. */
class ProviderStatesTest {

    private final MutableClock clock = new MutableClock();
    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(10).minimumNumberOfCalls(10).build());
    private final ProviderActivity activity = new ProviderActivity(clock, Duration.ofMinutes(5), 100, 10);
    private final WarmupStates warmups = new WarmupStates(clock);
    private final ProbeResults probes = new ProbeResults(clock);
    private final ProviderStates states = states();

    @Test
    void aHealthyProviderIsUpAndItsChainServes() {
        assertThat(health("pro")).isEqualTo(ProviderHealth.UP);
        assertThat(states.providers().get("pro").breaker()).isEqualTo("CLOSED");
        ChainState chain = states.chains(states.providers()).get("shots");
        assertThat(chain.canServe()).isTrue();
        assertThat(chain.serving()).containsExactly("pro", "flash", "card");
    }

    @Test
    void aProviderLeftOutForWantOfAKeyIsMisconfiguredAndNamesTheProperty() {
        ProviderState gpt = states.providers().get("gpt");
        assertThat(gpt.health()).isEqualTo(ProviderHealth.MISCONFIGURED);
        assertThat(gpt.reason()).contains("genai.providers.gpt.api-key");
        assertThat(gpt.breaker()).isNull();
    }

    @Test
    void aRefusedKeyIsMisconfiguredUntilACallDeliversAgain() {
        activity.attemptFinished("shots", attempt("pro", FailureKind.AUTHENTICATION, 401));
        assertThat(health("pro")).isEqualTo(ProviderHealth.MISCONFIGURED);
        assertThat(states.providers().get("pro").reason()).contains("AUTHENTICATION (HTTP 401)");

        activity.attemptFinished("shots", attempt("pro", null, 0));
        assertThat(health("pro")).isEqualTo(ProviderHealth.UP);
    }

    @Test
    void anOpenBreakerIsDownAndHalfOpenIsDegraded() {
        CircuitBreaker pro = registry.circuitBreaker("pro");
        pro.transitionToOpenState();
        assertThat(health("pro")).isEqualTo(ProviderHealth.DOWN);

        pro.transitionToHalfOpenState();
        assertThat(health("pro")).isEqualTo(ProviderHealth.DEGRADED);
        assertThat(states.providers().get("pro").reason()).contains("half-open");
    }

    @Test
    void failedCallsInTheBreakersWindowDegradeTheProvider() {
        registry.circuitBreaker("flash").onError(10, TimeUnit.MILLISECONDS, new IllegalStateException("503"));
        registry.circuitBreaker("flash").onSuccess(10, TimeUnit.MILLISECONDS);

        assertThat(health("flash")).isEqualTo(ProviderHealth.DEGRADED);
        assertThat(states.providers().get("flash").reason()).isEqualTo("1 of the last 2 calls failed");
    }

    @Test
    void aProviderToWarmIsColdUntilWarmAndSaysWhyItsWarmUpFailed() {
        WarmupFixtures.pending(warmups, "pro");
        assertThat(health("pro")).isEqualTo(ProviderHealth.COLD);
        assertThat(states.providers().get("pro").reason()).isEqualTo("not warmed yet");

        WarmupFixtures.failed(warmups, "pro", FailureKind.OVERLOADED, "3 attempt(s), the last pro:OVERLOADED(503)");
        assertThat(health("pro")).isEqualTo(ProviderHealth.COLD);
        assertThat(states.providers().get("pro").reason()).contains("warm-up failed").contains("OVERLOADED(503)");

        WarmupFixtures.warmed(warmups, "pro");
        assertThat(health("pro")).isEqualTo(ProviderHealth.UP);
    }

    @Test
    void aWarmUpOrProbeRefusedForKeyOrModelIsMisconfigured() {
        WarmupFixtures.failed(warmups, "pro", FailureKind.MODEL_NOT_FOUND, "1 attempt(s), the last pro:NOT_FOUND");
        WarmupFixtures.probeFailed(probes, "flash", FailureKind.AUTHENTICATION, 403);

        assertThat(health("pro")).isEqualTo(ProviderHealth.MISCONFIGURED);
        assertThat(health("flash")).isEqualTo(ProviderHealth.MISCONFIGURED);
        assertThat(states.providers().get("flash").reason()).contains("probe refused");
    }

    @Test
    void aFailedProbeDegradesAndAPassingOneClearsIt() {
        WarmupFixtures.probeFailed(probes, "pro", FailureKind.SERVER_ERROR, 500);
        assertThat(health("pro")).isEqualTo(ProviderHealth.DEGRADED);

        WarmupFixtures.probePassed(probes, "pro");
        assertThat(health("pro")).isEqualTo(ProviderHealth.UP);
    }

    @Test
    void aChainWhoseProvidersAllAreDownStillServesThroughItsLastResort() {
        registry.circuitBreaker("pro").transitionToOpenState();
        registry.circuitBreaker("flash").transitionToOpenState();

        Map<String, ChainState> chains = states.chains(states.providers());

        assertThat(chains.get("shots").canServe()).isTrue();
        assertThat(chains.get("shots").serving()).containsExactly("card");
        assertThat(chains.get("banners").canServe()).isFalse();
        assertThat(chains.get("banners").serving()).isEmpty();
        assertThat(states.providers().get("card").breaker()).isNull();
    }

    private ProviderHealth health(String id) {
        return states.providers().get(id).health();
    }

    private static Attempt attempt(String provider, FailureKind kind, int status) {
        return Attempt.builder(provider, provider + "-model").resolution(Resolution.ONE_K).failure(kind, status)
                .duration(Duration.ofMillis(5)).build();
    }

    private ProviderStates states() {
        Map<String, ConfiguredProvider> providers = new LinkedHashMap<>();
        providers.put("pro", new ConfiguredProvider("pro", "gemini", "pro-model", true, true));
        providers.put("flash", new ConfiguredProvider("flash", "gemini", "flash-model", true, true));
        providers.put("gpt", new ConfiguredProvider("gpt", "openai", "gpt-image-1", false, false));
        providers.put("card", new ConfiguredProvider("card", "local", "card", true, false));
        Map<String, ChainDefinition> chains = new LinkedHashMap<>();
        chains.put("shots", chain("shots", List.of("pro", "flash"), "card"));
        chains.put("banners", chain("banners", List.of("pro", "flash"), null));
        return new ProviderStates(providers, chains, new RegistryProviderBreakers(registry), activity, warmups,
                probes);
    }

    private static ChainDefinition chain(String name, List<String> providers, String lastResort) {
        return ChainDefinition.builder(name).providers(providers).resolution(Resolution.ONE_K).aspectRatio("1:1")
                .deadline(Duration.ofSeconds(30)).lastResort(lastResort).build();
    }
}
