package dev.genairesilience.chain;

import static dev.genairesilience.Resolution.FOUR_K;
import static dev.genairesilience.Resolution.ONE_K;
import static dev.genairesilience.Resolution.TWO_K;
import static dev.genairesilience.chain.FakeProvider.serving;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.Resolution;
import dev.genairesilience.chain.ChainDefinition.StepOrder;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderCapabilities;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DefaultImageGeneratorTest {

    private static final Set<Resolution> ALL = EnumSet.allOf(Resolution.class);
    private static final Failure UNKNOWN = Failure.of(FailureKind.UNKNOWN);

    private final Engine engine = new Engine();
    private final List<String> callLog = new ArrayList<>();
    private final Map<String, ImageProvider> providers = new LinkedHashMap<>();
    private final AtomicInteger asyncRuns = new AtomicInteger();
    private final Executor async = task -> {
        asyncRuns.incrementAndGet();
        task.run();
    };

    private FakeProvider provider(String id, ProviderCapabilities capabilities) {
        FakeProvider provider = new FakeProvider(id, capabilities, callLog);
        providers.put(id, provider);
        return provider;
    }

    private static ChainDefinition chain(String name, List<String> providers, List<Resolution> degrade,
            String lastResort, StepOrder order) {
        return ChainDefinition.builder(name).providers(providers).resolution(FOUR_K).degrade(degrade)
                .aspectRatio("1:1").deadline(Duration.ofSeconds(60)).lastResort(lastResort).order(order).build();
    }

    private DefaultImageGenerator generator(ChainDefinition... chains) {
        Map<String, ChainDefinition> byName = new LinkedHashMap<>();
        for (ChainDefinition chain : chains) {
            byName.put(chain.name(), chain);
        }
        return DefaultImageGenerator.builder(byName, providers, engine.executor, async).build();
    }

    @Test
    void aRequestsFirstRoutedTagPicksTheChainWhenTheCallerNamesNone() {
        provider("pro", serving(ALL));
        provider("flash", serving(ALL));
        ChainDefinition photo = chain("photo", List.of("pro"), List.of(), null, StepOrder.PROVIDER_FIRST);
        ChainDefinition art = chain("art", List.of("flash"), List.of(), null, StepOrder.PROVIDER_FIRST);
        DefaultImageGenerator generator = DefaultImageGenerator.builder(Map.of("photo", photo, "art", art), providers,
                engine.executor, async).defaultChain("photo").tagRoutes(Map.of("artistic", "art")).build();

        assertThat(generator.generate(ImageRequest.builder("kite").tag("sketch").tag("artistic").build()).provider())
                .isEqualTo("flash");
        assertThat(generator.generate(ImageRequest.builder("kite").tag("sketch").build()).provider())
                .as("no tag with a route: the default chain").isEqualTo("pro");
        assertThat(generator.generate("photo", ImageRequest.builder("kite").tag("artistic").build()).provider())
                .as("a chain the caller names wins").isEqualTo("pro");
        assertThatThrownBy(() -> ImageRequest.builder("kite").tag(" ")).isInstanceOfSatisfying(
                GenerationRejectedException.class, e -> assertThat(e.field()).isEqualTo("tag"));
    }

    @Test
    void providerFirstOrderLowersTheResolutionOnAProviderBeforeMovingOn() {
        provider("pro", serving(ALL)).failingWith(UNKNOWN);
        provider("flash", serving(ALL)).failingWith(UNKNOWN);
        DefaultImageGenerator generator = generator(
                chain("shots", List.of("pro", "flash"), List.of(TWO_K, ONE_K), null, StepOrder.PROVIDER_FIRST));

        assertThatThrownBy(() -> generator.generate("shots", ImageRequest.of("a red kite")))
                .isInstanceOf(GenerationUnavailableException.class);

        assertThat(callLog).containsExactly("pro@4K", "pro@2K", "pro@1K", "flash@4K", "flash@2K", "flash@1K");
    }

    @Test
    void resolutionFirstOrderKeepsTheResolutionAcrossProvidersFirst() {
        provider("pro", serving(ALL)).failingWith(UNKNOWN);
        provider("flash", serving(ALL)).failingWith(UNKNOWN);
        DefaultImageGenerator generator = generator(
                chain("shots", List.of("pro", "flash"), List.of(TWO_K, ONE_K), null, StepOrder.RESOLUTION_FIRST));

        assertThatThrownBy(() -> generator.generate("shots", ImageRequest.of("a red kite")))
                .isInstanceOf(GenerationUnavailableException.class);

        assertThat(callLog).containsExactly("pro@4K", "flash@4K", "pro@2K", "flash@2K", "pro@1K", "flash@1K");
    }

    @Test
    void degradeEntriesNotLowerThanTheAskedResolutionAreLeftOut() {
        provider("pro", serving(ALL)).failingWith(UNKNOWN);
        DefaultImageGenerator generator = generator(
                chain("shots", List.of("pro"), List.of(FOUR_K, ONE_K, TWO_K), null, StepOrder.PROVIDER_FIRST));

        assertThatThrownBy(() -> generator.generate(ImageRequest.builder("kite").resolution(TWO_K).build()))
                .isInstanceOf(GenerationUnavailableException.class);

        assertThat(callLog).containsExactly("pro@2K", "pro@1K");
    }

    @Test
    void stepsOutsideAProvidersCapabilitiesAreNeverSent() {
        provider("pro", serving(ALL, "1:1")).failingWith(UNKNOWN);
        provider("flash", serving(EnumSet.of(ONE_K)));
        provider("wide", serving(ALL, "16:9"));
        DefaultImageGenerator generator = generator(chain("shots", List.of("pro", "wide", "flash"),
                List.of(TWO_K, ONE_K), null, StepOrder.RESOLUTION_FIRST));

        GeneratedImage image = generator.generate("shots", ImageRequest.of("kite"));

        assertThat(callLog).containsExactly("pro@4K", "pro@2K", "pro@1K", "flash@1K");
        assertThat(image.provider()).isEqualTo("flash");
        assertThat(image.resolution()).isEqualTo(ONE_K);
        assertThat(image.degraded()).isTrue();
    }

    @Test
    void successMapsTheImageAndItsProvenance() {
        FakeProvider pro = provider("pro", serving(ALL));
        DefaultImageGenerator generator = generator(
                chain("shots", List.of("pro"), List.of(TWO_K), null, StepOrder.PROVIDER_FIRST));

        GeneratedImage image = generator.generate("shots",
                ImageRequest.builder("a red kite").aspectRatio("16:9").deadline(Duration.ofSeconds(20)).build());

        assertThat(new String(image.bytes(), StandardCharsets.UTF_8)).isEqualTo("pro@4K");
        assertThat(image.mimeType()).isEqualTo("image/png");
        assertThat(image.provider()).isEqualTo("pro");
        assertThat(image.model()).isEqualTo("pro-model");
        assertThat(image.resolution()).isEqualTo(FOUR_K);
        assertThat(image.degraded()).isFalse();
        assertThat(image.attempts()).hasSize(1);
        assertThat(pro.lastCall().prompt()).isEqualTo("a red kite");
        assertThat(pro.lastCall().aspectRatio()).isEqualTo("16:9");
        assertThat(pro.lastCall().timeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void lastResortDeliversWhenEveryProviderFailsAndIsMarkedDegraded() {
        provider("pro", serving(ALL)).failingWith(UNKNOWN);
        provider("card", new ProviderCapabilities(EnumSet.of(ONE_K), Set.of(), true));
        DefaultImageGenerator generator = generator(
                chain("shots", List.of("pro"), List.of(), "card", StepOrder.PROVIDER_FIRST));

        GeneratedImage image = generator.generate("shots", ImageRequest.of("kite"));

        assertThat(image.provider()).isEqualTo("card");
        assertThat(image.resolution()).isEqualTo(ONE_K);
        assertThat(image.degraded()).isTrue();
        assertThat(image.attempts()).hasSize(2);
    }

    @Test
    void noServableStepAndNoLastResortRejectsNamingTheField() {
        provider("pro", serving(EnumSet.of(ONE_K), "1:1"));
        DefaultImageGenerator generator = generator(
                chain("shots", List.of("pro"), List.of(TWO_K), null, StepOrder.PROVIDER_FIRST));

        assertThatThrownBy(() -> generator.generate(ImageRequest.of("kite")))
                .isInstanceOfSatisfying(GenerationRejectedException.class,
                        e -> assertThat(e.field()).isEqualTo("resolution"));
        assertThatThrownBy(() -> generator.generate(ImageRequest.builder("kite").resolution(ONE_K).aspectRatio("4:3")
                .build()))
                .isInstanceOfSatisfying(GenerationRejectedException.class,
                        e -> assertThat(e.field()).isEqualTo("aspectRatio"));
        assertThat(callLog).isEmpty();
    }

    @Test
    void invalidRequestsAreRejectedBeforeAnyCall() {
        provider("pro", serving(ALL));
        DefaultImageGenerator generator = generator(
                chain("shots", List.of("pro"), List.of(), null, StepOrder.PROVIDER_FIRST));

        assertThat(rejectedField(generator, "shots", ImageRequest.of("  "))).isEqualTo("prompt");
        assertThat(rejectedField(generator, "shots", ImageRequest.builder("kite").aspectRatio("wide").build()))
                .isEqualTo("aspectRatio");
        assertThat(rejectedField(generator, "shots", ImageRequest.builder("kite").deadline(Duration.ZERO).build()))
                .isEqualTo("deadline");
        assertThat(rejectedField(generator, "nope", ImageRequest.of("kite"))).isEqualTo("chain");
        assertThat(callLog).isEmpty();
    }

    @Test
    void unnamedChainIsTheDefaultChainOrTheOnlyOne() {
        provider("pro", serving(ALL));
        provider("flash", serving(ALL));
        ChainDefinition first = chain("first", List.of("pro"), List.of(), null, StepOrder.PROVIDER_FIRST);
        ChainDefinition second = chain("second", List.of("flash"), List.of(), null, StepOrder.PROVIDER_FIRST);

        assertThat(generator(second).generate(ImageRequest.of("kite")).provider()).isEqualTo("flash");
        assertThat(DefaultImageGenerator.builder(Map.of("first", first, "second", second), providers,
                engine.executor, async).defaultChain("second").build().generate(ImageRequest.of("kite")).provider())
                .isEqualTo("flash");
        assertThat(rejectedField(generator(first, second), " ", ImageRequest.of("kite"))).isEqualTo("chain");
    }

    @Test
    void generateAsyncRunsOnTheGivenExecutor() {
        provider("pro", serving(ALL));
        DefaultImageGenerator generator = generator(
                chain("shots", List.of("pro"), List.of(), null, StepOrder.PROVIDER_FIRST));

        GeneratedImage image = generator.generateAsync(ImageRequest.of("kite")).join();

        assertThat(image.provider()).isEqualTo("pro");
        assertThat(asyncRuns).hasValue(1);
    }

    private static String rejectedField(DefaultImageGenerator generator, String chain, ImageRequest request) {
        try {
            generator.generate(chain, request);
        } catch (GenerationRejectedException e) {
            return e.field();
        }
        throw new AssertionError("expected the request to be rejected");
    }
}
