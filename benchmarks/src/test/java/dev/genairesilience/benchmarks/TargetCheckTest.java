package dev.genairesilience.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetCheckTest {

    @Test
    void aLowerBoundIsMetAtTheBoundAndMissedBelowIt() {
        TargetCheck met = TargetCheck.atLeast("surge: primary ≥ 7.2 images/s", 7.2, Format.number(7.2, 1),
                " images/s", 7.2, "why");
        assertThat(met.met()).isTrue();
        assertThat(met.measured()).isEqualTo("7.2 images/s");
        assertThat(met.limitedBy()).isEmpty();

        TargetCheck missed = TargetCheck.atLeast("surge: primary ≥ 7.2 images/s", 1.1, "1.1", " images/s", 7.2,
                "66 images from the primary");
        assertThat(missed.met()).isFalse();
        assertThat(missed.measured()).isEqualTo("1.1 images/s");
        assertThat(missed.limitedBy()).isEqualTo("66 images from the primary");
    }

    @Test
    void aMissRoundedOntoItsBoundIsWrittenWithTheDecimalsThatShowIt() {
        TargetCheck goodput = TargetCheck.atLeast("surge: goodput ≥ 99%", 98.958, Format.percent(98.958), "%", 99,
                "why");
        assertThat(goodput.met()).isFalse();
        assertThat(goodput.measured()).isEqualTo("98.96%");

        TargetCheck rate = TargetCheck.atLeast("t", 431 / 60.0, Format.number(431 / 60.0, 1), " images/s", 7.2, "");
        assertThat(rate.met()).isFalse();
        assertThat(rate.measured()).isEqualTo("7.18 images/s");

        TargetCheck attempts = TargetCheck.atMost("t", 1.7004, Format.number(1.7004, 2), "", 1.7, "");
        assertThat(attempts.met()).isFalse();
        assertThat(attempts.measured()).isEqualTo("1.7004");
    }

    @Test
    void anUpperBoundIsMetAtTheBoundAndMissedAboveIt() {
        assertThat(TargetCheck.atMost("t", 245.0 / 240, Format.number(245.0 / 240, 2), "", 245.0 / 240, ""))
                .satisfies(c -> {
                    assertThat(c.met()).isTrue();
                    assertThat(c.measured()).isEqualTo("1.02");
                });
        assertThat(TargetCheck.atMost("t", 246.0 / 240, Format.number(246.0 / 240, 2), "", 245.0 / 240, "").met())
                .isFalse();
        assertThat(TargetCheck.atMost("t", 15, "15", " answers of 429", 15, "").met()).isTrue();
        assertThat(TargetCheck.atMost("t", 52, "52", " answers of 429", 15, "").met()).isFalse();
    }

    @Test
    void aBoundIsWrittenAsTheIssueStatesIt() {
        assertThat(TargetCheck.bound(60)).isEqualTo("60");
        assertThat(TargetCheck.bound(99.9)).isEqualTo("99.9");
        assertThat(TargetCheck.bound(1.7)).isEqualTo("1.7");
        assertThat(TargetCheck.bound(0.9 * 8)).isEqualTo("7.2");
    }
}
