package dev.genairesilience.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.testsupport.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryBudgetsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-01T10:00:00Z"));

    private RetryBudgets budgets(double ratio, int minRetries) {
        return new RetryBudgets(RetrySettings.builder().budget(ratio, minRetries, Duration.ofSeconds(10)).build(),
                clock);
    }

    @Test
    void grantsTheMinimumRetriesWithoutAnyFirstAttempt() {
        RetryBudgets budgets = budgets(0.2, 3);

        assertThat(budgets.tryRetry("a")).isTrue();
        assertThat(budgets.tryRetry("a")).isTrue();
        assertThat(budgets.tryRetry("a")).isTrue();
        assertThat(budgets.tryRetry("a")).isFalse();
        assertThat(budgets.snapshot("a")).isEqualTo(new RetryBudgetSnapshot(0, 3, 1));
    }

    @Test
    void eachFirstAttemptEarnsItsRatioOfARetry() {
        RetryBudgets budgets = budgets(0.2, 0);
        for (int i = 0; i < 100; i++) {
            budgets.recordFirstAttempt("a");
        }

        int granted = 0;
        for (int i = 0; i < 50; i++) {
            granted += budgets.tryRetry("a") ? 1 : 0;
        }

        assertThat(granted).isEqualTo(20);
        assertThat(budgets.snapshot("a")).isEqualTo(new RetryBudgetSnapshot(100, 20, 30));
    }

    @Test
    void idsHaveSeparateBudgets() {
        RetryBudgets budgets = budgets(0, 1);

        assertThat(budgets.tryRetry("a")).isTrue();
        assertThat(budgets.tryRetry("a")).isFalse();
        assertThat(budgets.tryRetry("b")).isTrue();
        assertThat(budgets.snapshots()).containsOnlyKeys("a", "b");
        assertThat(budgets.snapshot("never-seen")).isEqualTo(new RetryBudgetSnapshot(0, 0, 0));
    }

    @Test
    void countsLeaveTheWindowAsItSlides() {
        RetryBudgets budgets = budgets(0, 2);
        budgets.tryRetry("a");
        clock.advance(Duration.ofSeconds(6));
        budgets.tryRetry("a");
        assertThat(budgets.tryRetry("a")).isFalse();

        clock.advance(Duration.ofSeconds(5));

        assertThat(budgets.snapshot("a").retries()).isEqualTo(1);
        assertThat(budgets.tryRetry("a")).isTrue();
        clock.advance(Duration.ofSeconds(11));
        assertThat(budgets.snapshot("a")).isEqualTo(new RetryBudgetSnapshot(0, 0, 0));
    }
}
