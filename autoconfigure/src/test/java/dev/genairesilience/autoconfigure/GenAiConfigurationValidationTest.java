package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.spi.ProviderSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Every configuration mistake stops start-up with a message naming the property at fault. */
class GenAiConfigurationValidationTest {

    private final ApplicationContextRunner runner = GenAiContextRunners.withTestProviders();

    @Test
    void anUnknownProviderInAChainNamesItsIndex() {
        assertStartupFailsWith("genai.chains.product-shots.providers[2]: unknown provider 'gpt-imag'",
                "genai.chains.product-shots.providers=good,broken,gpt-imag");
    }

    @Test
    void aBalanceOverAProviderOutsideTheChainOrWithABadWeightIsNamed() {
        assertStartupFailsWith("genai.chains.product-shots.balance.broken: not one of the chain's providers [good]",
                "genai.chains.product-shots.providers=good", "genai.chains.product-shots.balance.good=1",
                "genai.chains.product-shots.balance.broken=1");
        assertStartupFailsWith("genai.chains.product-shots.balance.good: a weight is a whole number of at least 1, "
                + "was 0", "genai.chains.product-shots.providers=good,broken",
                "genai.chains.product-shots.balance.good=0", "genai.chains.product-shots.balance.broken=1");
    }

    @Test
    void aTagRouteToAnUnknownChainIsNamed() {
        assertStartupFailsWith("genai.routing.tags.photoreal: unknown chain 'photos'",
                "genai.chains.product-shots.providers=good", "genai.routing.tags.photoreal=photos");
    }

    @Test
    void anUnknownLastResortIsNamed() {
        assertStartupFailsWith("genai.chains.product-shots.last-resort: unknown provider 'crad'",
                "genai.chains.product-shots.providers=good", "genai.chains.product-shots.last-resort=crad");
    }

    @Test
    void anUnknownProviderTypeIsNamedWithTheKnownOnes() {
        assertStartupFailsWith("genai.providers.gemini-pro.type: unknown type 'gemeni'; known types: [azure-openai, "
                + "bfl, failing, fal, gemini, huggingface, local, openai, recording, replicate, stability, vertex-ai]",
                "genai.providers.gemini-pro.type=gemeni");
    }

    @Test
    void aProviderWithoutTypeIsNamed() {
        assertStartupFailsWith("genai.providers.nameless.type: missing", "genai.providers.nameless.model=m");
    }

    @Test
    void anUnknownResolutionIsNamed() {
        assertStartupFailsWith("genai.chains.product-shots.resolution: Unknown resolution '5K'",
                "genai.chains.product-shots.providers=good", "genai.chains.product-shots.resolution=5K");
    }

    @Test
    void anUnknownDegradeResolutionIsNamed() {
        assertStartupFailsWith("genai.chains.product-shots.degrade[0]: Unknown resolution '3K'",
                "genai.chains.product-shots.providers=good", "genai.chains.product-shots.degrade=3K");
    }

    @Test
    void aDegradeEntryNotLowerThanTheResolutionIsNamed() {
        assertStartupFailsWith("genai.chains.product-shots.degrade[0]: 4K is not lower than 2K",
                "genai.chains.product-shots.providers=good", "genai.chains.product-shots.resolution=2K",
                "genai.chains.product-shots.degrade=4K");
    }

    @Test
    void aDegradeEntryNotLowerThanThePreviousOneIsNamed() {
        assertStartupFailsWith("genai.chains.product-shots.degrade[1]: 2K is not lower than 1K",
                "genai.chains.product-shots.providers=good", "genai.chains.product-shots.resolution=4K",
                "genai.chains.product-shots.degrade=1K,2K");
    }

    @Test
    void aChainWithoutProvidersOrLastResortIsNamed() {
        assertStartupFailsWith("genai.chains.empty.providers: empty, and no last-resort either",
                "genai.chains.empty.resolution=1K");
    }

    @Test
    void anUnknownDefaultChainIsNamedWithTheConfiguredOnes() {
        assertStartupFailsWith("genai.default-chain: unknown chain 'product-shot'; configured chains: [product-shots]",
                "genai.chains.product-shots.providers=good", "genai.default-chain=product-shot");
    }

    @Test
    void aBadAspectRatioIsNamed() {
        assertStartupFailsWith("genai.chains.banner.aspect-ratio: '16/9' is not of the form width:height",
                "genai.chains.banner.providers=good", "genai.chains.banner.aspect-ratio=16/9");
    }

    @Test
    void aBadDurationFailsBindingWithThePropertyNamedBySpring() {
        assertStartupFailsWith("genai.chains.banner.deadline",
                "genai.chains.banner.providers=good", "genai.chains.banner.deadline=ninety seconds");
        assertStartupFailsWith("genai.retry.initial-interval", "genai.retry.initial-interval=soon");
        assertStartupFailsWith("genai.providers.good.timeout", "genai.providers.good.timeout=-");
    }

    @Test
    void aNonPositiveDurationIsNamed() {
        assertStartupFailsWith("genai.providers.good.timeout: must be a positive duration",
                "genai.providers.good.timeout=0s");
    }

    @Test
    void aMaxResponseSizeThatIsNotPositiveOrOverOneGigabyteIsNamed() {
        assertStartupFailsWith("genai.http.max-response-size: must be a positive size, such as 64MB",
                "genai.http.max-response-size=0B");
        assertStartupFailsWith("genai.http.max-response-size: 2048MB is over the limit of 1GB",
                "genai.http.max-response-size=2GB");
    }

    @Test
    void theDefaultMaxResponseSizeIsTheOneProviderSettingsAssume() {
        assertThat(new GenAiProperties().getHttp().getMaxResponseSize().toBytes())
                .isEqualTo(ProviderSettings.DEFAULT_MAX_RESPONSE_BYTES);
    }

    @Test
    void impossibleRetrySettingsAreNamed() {
        assertStartupFailsWith("genai.retry.max-attempts: 0 must be at least 1", "genai.retry.max-attempts=0");
        assertStartupFailsWith("genai.retry.budget.ratio: 1.5 must be between 0 and 1", "genai.retry.budget.ratio=1.5");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        runner.withPropertyValues("genai.chains.a.providers=nope", "genai.chains.a.resolution=8K",
                "genai.default-chain=b").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure()))
                            .contains("Invalid genai configuration (3 problems)",
                                    "genai.chains.a.providers[0]: unknown provider 'nope'",
                                    "genai.chains.a.resolution: Unknown resolution '8K'",
                                    "genai.default-chain: unknown chain 'b'");
                });
    }

    @Test
    void aFactoryRefusingAProviderIsReportedWithTheProvidersPath() {
        assertStartupFailsWith("genai.providers.good: options.refuse is set", "genai.providers.good.options.refuse=y");
    }

    @Test
    void twoApplicationFactoriesForOneTypeAreReported() {
        runner.withBean("another", TestProviderFactory.class, TestProviderFactory::recording).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure()))
                    .contains("two ImageProviderFactory beans serve type 'recording'");
        });
    }

    @Test
    void aMalformedPeakWindowIsNamedWithItsIndexAndValue() {
        assertStartupFailsWith("genai.peak.windows[1]: '1pm-3pm' is not HH:mm-HH:mm",
                "genai.chains.product-shots.providers=good", "genai.peak.windows=09:00-11:00,1pm-3pm");
        assertStartupFailsWith("genai.peak.windows[0]: '09:00-25:00': '25:00' is not a time of day",
                "genai.chains.product-shots.providers=good", "genai.peak.windows=09:00-25:00");
    }

    @Test
    void peakWindowsCoveringTheWholeDayAreRefused() {
        assertStartupFailsWith("genai.peak.windows: [00:00-12:00 UTC, 12:00-00:00 UTC] together cover the whole day",
                "genai.chains.product-shots.providers=good", "genai.peak.windows=00:00-12:00,12:00-00:00");
    }

    @Test
    void anUnknownPeakProviderIsNamedLikeAChainsProvider() {
        assertStartupFailsWith("genai.chains.product-shots.peak.providers[1]: unknown provider 'flsh'",
                "genai.chains.product-shots.providers=good", "genai.chains.product-shots.peak.providers=good,flsh");
    }

    @Test
    void anUnknownPeakResolutionIsNamed() {
        assertStartupFailsWith("genai.chains.product-shots.peak.resolution: Unknown resolution '3K'",
                "genai.chains.product-shots.providers=good", "genai.chains.product-shots.peak.resolution=3K");
    }

    private void assertStartupFailsWith(String expected, String... properties) {
        runner.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains(expected);
        });
    }

    /** The messages of a failure and all its causes: start-up wraps the one that names the property. */
    static String messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(t.getMessage());
        }
        return String.join("\n", messages);
    }
}
