package dev.genairesilience.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.genairesilience.spi.SharedStateStore;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link SharedStateStore} does, run against each real store by its subclass. */
abstract class SharedStateStoreContract {

    /** The store under test; two calls give two clients of the same store, as two instances have. */
    abstract SharedStateStore store();

    private final String key = "test:" + UUID.randomUUID();

    @Test
    void aHoldIsSeenByEveryClientUntilItEnds() {
        SharedStateStore one = store();
        SharedStateStore other = store();
        assertThat(other.heldFor(key)).isZero();

        one.hold(key, Duration.ofMillis(800));

        assertThat(other.heldFor(key)).isPositive().isLessThanOrEqualTo(Duration.ofMillis(800));
        await().atMost(Duration.ofSeconds(5)).until(() -> other.heldFor(key).isZero());
    }

    @Test
    void aShorterHoldKeepsTheLongerOne() {
        SharedStateStore store = store();
        store.hold(key, Duration.ofSeconds(30));
        store.hold(key, Duration.ofMillis(10));

        assertThat(store.heldFor(key)).isGreaterThan(Duration.ofSeconds(20));
    }

    @Test
    void aPaceGrantsOneCallPerIntervalAcrossClients() {
        SharedStateStore one = store();
        SharedStateStore other = store();
        Duration interval = Duration.ofSeconds(30);

        assertThat(one.tryPace(key, interval)).isTrue();
        assertThat(other.tryPace(key, interval)).isFalse();
        assertThat(one.tryPace(key, interval)).isFalse();
    }

    @Test
    void aPaceGrantsAgainOnceTheIntervalHasPassed() {
        SharedStateStore store = store();
        Duration interval = Duration.ofMillis(200);
        assertThat(store.tryPace(key, interval)).isTrue();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> store.tryPace(key, interval));
    }

    @Test
    void placesAreBoundedRenewedForTheirHolderAndGivenBack() {
        SharedStateStore one = store();
        SharedStateStore other = store();
        Duration lease = Duration.ofMinutes(1);

        assertThat(one.tryTakePlace(key, "a", 2, lease)).isTrue();
        assertThat(other.tryTakePlace(key, "b", 2, lease)).isTrue();
        assertThat(other.tryTakePlace(key, "c", 2, lease)).as("a third holder of two places").isFalse();
        assertThat(one.tryTakePlace(key, "a", 2, lease)).as("a holder that has a place keeps it").isTrue();

        one.leavePlace(key, "a");

        assertThat(other.tryTakePlace(key, "c", 2, lease)).isTrue();
    }

    @Test
    void aPlaceWhoseLeaseEndedComesBack() {
        SharedStateStore store = store();
        assertThat(store.tryTakePlace(key, "died", 1, Duration.ofMillis(200))).isTrue();
        assertThat(store.tryTakePlace(key, "next", 1, Duration.ofMinutes(1))).isFalse();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> store.tryTakePlace(key, "next", 1, Duration.ofMinutes(1)));
    }

    @Test
    void answersPing() {
        store().ping();
    }
}
