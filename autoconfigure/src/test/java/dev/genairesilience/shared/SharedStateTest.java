package dev.genairesilience.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.genairesilience.spi.SharedStateStore;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The guard around a store: bounded calls, the instance's own state while the store is down, and recovery. */
class SharedStateTest {

    @Test
    void aStoreThatFailsIsDownAndEveryCallAnswersNotSharedWithoutCallingIt() {
        SwitchableStore store = new SwitchableStore();
        try (SharedState shared = SharedState.builder(store).recheckInterval(Duration.ofHours(1)).build()) {
            store.failing = true;

            assertThat(shared.tryPace("p", Duration.ofSeconds(1))).isNull();
            assertThat(shared.active()).as("after one failure").isTrue();
            assertThat(shared.tryPace("p", Duration.ofSeconds(1))).isNull();
            assertThat(shared.tryPace("p", Duration.ofSeconds(1))).isNull();
            assertThat(shared.active()).as("after three in a row").isFalse();
            assertThat(shared.status().up()).isFalse();
            assertThat(shared.status().problem()).contains("store unreachable");
            int callsWhenDown = store.calls.get();

            assertThat(shared.heldFor("lane")).isZero();
            assertThat(shared.tryTakePlace("q", "h", 1, Duration.ofMinutes(1))).isNull();
            shared.hold("lane", Duration.ofSeconds(5));
            assertThat(store.calls.get()).as("calls to a store that is down").isEqualTo(callsWhenDown);
        }
    }

    @Test
    void aStoreThatHangsCostsATimeoutPerCallUntilItIsDown() throws InterruptedException {
        SwitchableStore store = new SwitchableStore();
        try (SharedState shared = SharedState.builder(store).timeout(Duration.ofMillis(50))
                .recheckInterval(Duration.ofHours(1)).build()) {
            store.hang = new CountDownLatch(1);

            for (int i = 0; i < SharedState.FAILURES_TO_DOWN; i++) {
                assertThat(shared.heldFor("lane")).isZero();
            }

            assertThat(shared.active()).isFalse();
            assertThat(shared.status().problem()).contains("no answer within 50ms");
            store.hang.countDown();
        }
    }

    @Test
    void sharingResumesOnceTheStoreAnswersAgain() {
        SwitchableStore store = new SwitchableStore();
        try (SharedState shared = SharedState.builder(store).recheckInterval(Duration.ofMillis(20)).build()) {
            store.failing = true;
            for (int i = 0; i < SharedState.FAILURES_TO_DOWN; i++) {
                shared.hold("lane", Duration.ofSeconds(5));
            }
            assertThat(shared.active()).isFalse();

            store.failing = false;
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> {
                shared.heldFor("lane");
                return shared.active();
            });

            shared.hold("lane", Duration.ofSeconds(5));
            assertThat(store.holds.get()).isEqualTo(1);
            assertThat(shared.status().downSince()).isNull();
        }
    }

    @Test
    void aFailureBetweenAnswersIsNotAnOutage() {
        SwitchableStore store = new SwitchableStore();
        try (SharedState shared = SharedState.builder(store).build()) {
            for (int i = 0; i < 10; i++) {
                store.failing = i % 2 == 0;
                shared.heldFor("lane");
            }
            assertThat(shared.active()).isTrue();
        }
    }

    @Test
    void keysCarryTheNamespace() {
        SwitchableStore store = new SwitchableStore();
        try (SharedState shared = SharedState.builder(store).namespace("shop").build()) {
            shared.hold("gemini", Duration.ofSeconds(1));
            assertThat(store.lastKey).isEqualTo("shop:hold:gemini");
        }
    }

    @Test
    void nothingSharedAnswersAtOnce() {
        SharedState none = SharedState.none();
        assertThat(none.configured()).isFalse();
        assertThat(none.tryPace("p", Duration.ofSeconds(1))).isNull();
        assertThat(none.heldFor("lane")).isZero();
        assertThat(none.status().store()).isEqualTo("memory");
    }

    /** A store that answers, fails or hangs on demand, counting its calls. */
    static final class SwitchableStore implements SharedStateStore {

        volatile boolean failing;
        volatile CountDownLatch hang;
        volatile String lastKey;
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger holds = new AtomicInteger();

        @Override
        public String description() {
            return "switchable";
        }

        @Override
        public void hold(String key, Duration wait) {
            answer(key);
            holds.incrementAndGet();
        }

        @Override
        public Duration heldFor(String key) {
            answer(key);
            return Duration.ZERO;
        }

        @Override
        public boolean tryPace(String key, Duration interval) {
            answer(key);
            return true;
        }

        @Override
        public boolean tryTakePlace(String key, String holder, int permits, Duration lease) {
            answer(key);
            return true;
        }

        @Override
        public void leavePlace(String key, String holder) {
            answer(key);
        }

        @Override
        public void ping() {
            answer("ping");
        }

        private void answer(String key) {
            calls.incrementAndGet();
            lastKey = key;
            CountDownLatch latch = hang;
            if (latch != null) {
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failing) {
                throw new IllegalStateException("store unreachable");
            }
        }
    }
}
