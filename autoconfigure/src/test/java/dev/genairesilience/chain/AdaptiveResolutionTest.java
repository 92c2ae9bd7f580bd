package dev.genairesilience.chain;

import static dev.genairesilience.Resolution.FOUR_K;
import static dev.genairesilience.Resolution.ONE_K;
import static dev.genairesilience.Resolution.TWO_K;
import static dev.genairesilience.chain.FakeProvider.serving;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.Resolution;
import dev.genairesilience.SkippedStep;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.spi.ImageProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A provider's steps start lower on the degrade ladder while the asked resolution fails there, and come back. */
class AdaptiveResolutionTest {

    private static final Failure OVERLOADED = new Failure(FailureKind.OVERLOADED, 503, null, null);

    private final Engine engine = new Engine(Engine.settingsBuilder().maxAttempts(1).build());
    private final List<String> callLog = new ArrayList<>();
    private final Map<String, ImageProvider> providers = new LinkedHashMap<>();
    private final FakeProvider pro = new FakeProvider("pro", serving(EnumSet.allOf(Resolution.class)), callLog);

    AdaptiveResolutionTest() {
        providers.put("pro", pro);
    }

    private DefaultImageGenerator generator(ChainDefinition.Builder chain) {
        return generator(chain, engine);
    }

    private DefaultImageGenerator generator(ChainDefinition.Builder chain, Engine engine) {
        ChainDefinition definition = chain.providers(List.of("pro")).resolution(FOUR_K).degrade(List.of(TWO_K, ONE_K))
                .aspectRatio("1:1").deadline(Duration.ofSeconds(60)).build();
        // the starter's own breaker defaults: failures at 4K between deliveries at 2K never open it
        ProviderLanes lanes = ProviderLanes.builder(new RegistryProviderBreakers(
                CircuitBreakerRegistry.of(GenAiBreakerDefaults.config(engine.clock))), engine.budgets)
                .clock(engine.clock).build();
        ChainExecutor executor = ChainExecutor.builder(FailureException.classification(), lanes)
                .settings(engine.settings).clock(engine.clock).sleeper(engine.sleeper).build();
        return DefaultImageGenerator.builder(Map.of(definition.name(), definition), providers, executor,
                Runnable::run).build();
    }

    private List<String> callsOf(DefaultImageGenerator generator) {
        callLog.clear();
        generator.generate(ImageRequest.of("a kite"));
        return List.copyOf(callLog);
    }

    @Test
    void whileTheAskedResolutionFailsAndALowerRungDeliversStepsStartThereAndOneInTenStillAsks() {
        pro.failingAt(FOUR_K, OVERLOADED);
        DefaultImageGenerator generator = generator(ChainDefinition.builder("shots"));
        for (int i = 0; i < ResolutionHealth.MIN_ANSWERS; i++) {
            assertThat(callsOf(generator)).containsExactly("pro@4K", "pro@2K");
        }

        callLog.clear();
        GeneratedImage image = generator.generate(ImageRequest.of("a kite"));

        assertThat(callLog).containsExactly("pro@2K");
        assertThat(image.degraded()).isTrue();
        assertThat(image.attempts()).hasSize(1);
        assertThat(image.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.reason()).isEqualTo(SkippedStep.Reason.RESOLUTION_FAILING);
            assertThat(skip.resolution()).isEqualTo(FOUR_K);
            assertThat(skip.summary()).isEqualTo("pro/4K:skipped(resolution failing)");
        });
        int asking = 0;
        for (int i = 0; i < AdaptiveStart.PROBE_EVERY * 3; i++) {
            asking += callsOf(generator).contains("pro@4K") ? 1 : 0;
        }
        assertThat(asking).as("one request in ten still asks 4K").isEqualTo(3);
    }

    @Test
    void twoDeliveriesInARowAtTheAskedResolutionBringEveryRequestBack() {
        pro.failingAt(FOUR_K, OVERLOADED);
        DefaultImageGenerator generator = generator(ChainDefinition.builder("shots"));
        for (int i = 0; i < ResolutionHealth.MIN_ANSWERS; i++) {
            callsOf(generator);
        }
        assertThat(callsOf(generator)).containsExactly("pro@2K");

        pro.failingAt(FOUR_K, null);
        int requests = 0;
        while (!callsOf(generator).contains("pro@4K") || !callsOf(generator).equals(List.of("pro@4K"))) {
            requests++;
            assertThat(requests).as("the recovery is noticed within a few probes").isLessThan(40);
        }

        for (int i = 0; i < 20; i++) {
            assertThat(callsOf(generator)).containsExactly("pro@4K");
        }
    }

    @Test
    void aFailingResolutionIsTriedOnceAndNeverRetriedEvenBeforeALowerRungIsKnown() {
        Engine retrying = new Engine(Engine.settingsBuilder().maxAttempts(3).build());
        DefaultImageGenerator generator = generator(ChainDefinition.builder("shots"), retrying);
        pro.failingAt(FOUR_K, OVERLOADED).failingAt(TWO_K, OVERLOADED);
        assertThat(callsOf(generator)).as("not failing yet: retried as usual")
                .containsExactly("pro@4K", "pro@4K", "pro@4K", "pro@2K", "pro@2K", "pro@2K", "pro@1K");
        callsOf(generator);

        assertThat(callsOf(generator)).as("4K and 2K now failing, 1K not known yet")
                .containsExactly("pro@4K", "pro@2K", "pro@1K");
    }

    @Test
    void qualityAndAChainThatTurnsItOffAlwaysAskTheResolutionFirst() {
        pro.failingAt(FOUR_K, OVERLOADED);
        DefaultImageGenerator quality = generator(ChainDefinition.builder("q").preference(Preference.QUALITY));
        DefaultImageGenerator off = generator(ChainDefinition.builder("off").adaptiveResolution(false));
        for (int i = 0; i < 3 * ResolutionHealth.MIN_ANSWERS; i++) {
            assertThat(callsOf(quality)).startsWith("pro@4K");
            assertThat(callsOf(off)).startsWith("pro@4K");
        }
    }

    @Test
    void aChainWithoutALadderIsNeverAdaptive() {
        assertThat(ChainDefinition.builder("plain").providers(List.of("pro")).resolution(FOUR_K).build()
                .adaptiveResolution()).isFalse();
        assertThat(ChainDefinition.builder("ladder").providers(List.of("pro")).resolution(FOUR_K)
                .degrade(List.of(TWO_K)).build().adaptiveResolution()).isTrue();
    }
}
