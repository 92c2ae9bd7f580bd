package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.Resolution;
import dev.genairesilience.chain.PriceList;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code genai.providers.<id>.price}: how it binds, what start-up refuses, and what each image then costs. */
class PriceConfigurationTest {

    private final ApplicationContextRunner runner = GenAiContextRunners.withTestProviders();

    @Test
    void pricesBindPerResolutionInAnyCaseWithAFailedCallPrice() {
        runner.withPropertyValues("genai.providers.good.price.2K=0.134", "genai.providers.good.price.1k=0.039",
                "genai.providers.broken.price.failed-call=0.002").run(context -> {
                    PriceList prices = context.getBean(PriceList.class);

                    assertThat(prices.delivered("good", Resolution.ONE_K)).isEqualByComparingTo("0.039");
                    assertThat(prices.delivered("good", Resolution.TWO_K)).isEqualByComparingTo("0.134");
                    assertThat(prices.delivered("good", Resolution.FOUR_K)).isNull();
                    assertThat(prices.failed("good", 503)).isEqualByComparingTo("0");
                    assertThat(prices.failed("broken", 503)).isEqualByComparingTo("0.002");
                    assertThat(prices.failed("broken", 0)).isEqualByComparingTo("0");
                    assertThat(prices.delivered("broken", Resolution.ONE_K)).isNull();
                });
    }

    @Test
    void theLocalCardCostsNothingUnlessPriced() {
        runner.run(context -> assertThat(context.getBean(PriceList.class).delivered("card", Resolution.FOUR_K))
                .isEqualByComparingTo("0"));
        runner.withPropertyValues("genai.providers.card.price.1K=0.5").run(context -> {
            PriceList prices = context.getBean(PriceList.class);
            assertThat(prices.delivered("card", Resolution.ONE_K)).isEqualByComparingTo("0.5");
            assertThat(prices.delivered("card", Resolution.TWO_K)).isEqualByComparingTo("0");
        });
    }

    @Test
    void aNegativePriceOrAnUnknownKeyStopsStartUpNamingTheProperty() {
        runner.withPropertyValues("genai.providers.good.price.2K=-0.1", "genai.providers.good.price.8K=0.3",
                "genai.providers.broken.price.failed-call=-1").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(GenAiConfigurationValidationTest.messages(context.getStartupFailure())).contains(
                            "genai.providers.good.price.2K: -0.1 must be zero or more",
                            "genai.providers.good.price.8K: unknown key '8K'; expected 1K, 2K, 4K or failed-call",
                            "genai.providers.broken.price.failed-call: -1 must be zero or more");
                });
    }

    @Test
    void aResolutionPricedTwiceIsNamed() {
        runner.withPropertyValues("genai.providers.good.price.2K=0.1", "genai.providers.good.price.2k=0.2")
                .run(context -> assertThat(GenAiConfigurationValidationTest.messages(context.getStartupFailure()))
                        .containsPattern("genai\\.providers\\.good\\.price\\.2[kK]: 2K is priced twice"));
    }

    @Test
    void anImageCostsItsDeliveringPriceAndTheFailedCallsBeforeIt() {
        runner.withPropertyValues("genai.providers.good.price.2K=0.134",
                "genai.providers.broken.price.failed-call=0.002", "genai.chains.main.providers=broken,good",
                "genai.chains.main.resolution=2K").run(context -> {
                    GeneratedImage image = context.getBean(ImageGenerator.class).generate("main",
                            ImageRequest.of("a kite"));

                    assertThat(image.provider()).isEqualTo("good");
                    // two attempts at broken (503 each), then good
                    assertThat(image.attempts()).extracting(Attempt::cost).map(BigDecimal::toPlainString)
                            .containsExactly("0.002", "0.002", "0.134");
                    assertThat(image.cost()).isEqualByComparingTo("0.138");
                });
    }

    @Test
    void anUnpricedDeliveryHasNoKnownCostAndTheCardDeliversForNothing() {
        runner.withPropertyValues("genai.chains.main.providers=good", "genai.chains.offline.providers=broken",
                "genai.chains.offline.last-resort=card").run(context -> {
                    ImageGenerator generator = context.getBean(ImageGenerator.class);

                    GeneratedImage unpriced = generator.generate("main", ImageRequest.of("a kite"));
                    assertThat(unpriced.cost()).isNull();
                    assertThat(unpriced.toString()).doesNotContain("cost");

                    GeneratedImage card = generator.generate("offline", ImageRequest.of("a kite"));
                    assertThat(card.provider()).isEqualTo("card");
                    assertThat(card.cost()).isEqualByComparingTo("0");
                    assertThat(card.toString()).contains("cost=0");
                });
    }
}
