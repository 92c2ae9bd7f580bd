package dev.genairesilience.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.genairesilience.Attempt;
import dev.genairesilience.Resolution;
import dev.genairesilience.failure.FailureKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceListTest {

    private final PriceList prices = PriceList.of(Map.of("pro",
            new ProviderPrice(Map.of(Resolution.TWO_K, new BigDecimal("0.134")), new BigDecimal("0.01"))));

    @Test
    void aDeliveryCostsThePriceAtItsResolutionOrIsNotKnown() {
        assertThat(prices.delivered("pro", Resolution.TWO_K)).isEqualByComparingTo("0.134");
        assertThat(prices.delivered("pro", Resolution.FOUR_K)).isNull();
        assertThat(prices.delivered("pro", null)).isNull();
        assertThat(prices.delivered("flash", Resolution.TWO_K)).isNull();
    }

    @Test
    void aFailedCallCostsTheFailedCallPriceOnlyWhenItWasAnswered() {
        assertThat(prices.failed("pro", 503)).isEqualByComparingTo("0.01");
        assertThat(prices.failed("pro", 0)).isEqualByComparingTo("0");
        assertThat(prices.failed("flash", 503)).isEqualByComparingTo("0");
    }

    @Test
    void aResultCostsTheSumOfItsAttemptsUnlessOneIsNotKnown() {
        Attempt failed = Attempt.builder("pro", "m").failure(FailureKind.OVERLOADED, 503).cost(new BigDecimal("0.01"))
                .build();
        Attempt delivered = Attempt.builder("pro", "m").cost(new BigDecimal("0.134")).build();
        Attempt unknown = Attempt.builder("flash", "m").build();

        assertThat(PriceList.total(List.of(failed, failed, delivered))).isEqualByComparingTo("0.154");
        assertThat(PriceList.total(List.of(failed, unknown))).isNull();
        assertThat(PriceList.total(List.of())).isEqualByComparingTo("0");
    }

    @Test
    void aNegativePriceIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ProviderPrice(
                Map.of(Resolution.ONE_K, new BigDecimal("-1")), BigDecimal.ZERO)).withMessageContaining("1K");
        assertThatIllegalArgumentException().isThrownBy(() -> new ProviderPrice(Map.of(), new BigDecimal("-1")))
                .withMessageContaining("failed-call");
        assertThatIllegalArgumentException().isThrownBy(() -> Attempt.builder("pro", "m")
                .cost(new BigDecimal("-1")).build());
    }
}
