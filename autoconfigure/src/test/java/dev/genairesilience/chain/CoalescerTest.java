package dev.genairesilience.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.Resolution;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** One generation per group of identical requests in flight; its result or failure reaches every caller. */
class CoalescerTest {

    private static final Coalescer.Key KEY = new Coalescer.Key("shots", "a secret prompt", Resolution.TWO_K, "1:1");
    private static final Duration LONG = Duration.ofSeconds(30);

    private final Coalescer coalescer = new Coalescer();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger generations = new AtomicInteger();

    private static GeneratedImage image() {
        return new GeneratedImage(new byte[] {1, 2, 3}, "image/png", "pro", "m", Resolution.TWO_K, false, List.of());
    }

    /** A generation that waits for {@link #release} and then returns what {@code result} gives. */
    private Supplier<GeneratedImage> blocking(Supplier<GeneratedImage> result) {
        return () -> {
            generations.incrementAndGet();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return result.get();
        };
    }

    private CompletableFuture<GeneratedImage> leader(Supplier<GeneratedImage> result) throws InterruptedException {
        CompletableFuture<GeneratedImage> leader = CompletableFuture.supplyAsync(
                () -> coalescer.generate(KEY, LONG, blocking(result)));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        return leader;
    }

    @Test
    void aCallerThatComesWhileTheGenerationRunsSharesItsResult() throws Exception {
        CompletableFuture<GeneratedImage> leader = leader(CoalescerTest::image);
        CompletableFuture<GeneratedImage> follower = CompletableFuture.supplyAsync(
                () -> coalescer.generate(KEY, LONG, () -> {
                    throw new AssertionError("the follower must not generate");
                }));
        while (!followerJoined()) {
            Thread.onSpinWait();
        }

        release.countDown();

        assertThat(leader.get(10, TimeUnit.SECONDS).shared()).isTrue();
        assertThat(follower.get(10, TimeUnit.SECONDS).shared()).isTrue();
        assertThat(generations).hasValue(1);
        assertThat(coalescer.generate(KEY, LONG, CoalescerTest::image).shared())
                .as("a caller after the group ended generates on its own").isFalse();
    }

    @Test
    void aFailureReachesEveryCallerAlike() throws Exception {
        IllegalStateException failure = new IllegalStateException("provider down");
        CompletableFuture<GeneratedImage> leader = leader(() -> {
            throw failure;
        });
        CompletableFuture<GeneratedImage> follower = CompletableFuture.supplyAsync(
                () -> coalescer.generate(KEY, LONG, CoalescerTest::image));
        while (!followerJoined()) {
            Thread.onSpinWait();
        }

        release.countDown();

        assertThat(leader).failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingCause().isSameAs(failure);
        assertThat(follower).failsWithin(Duration.ofSeconds(10)).withThrowableThat().havingCause().isSameAs(failure);
    }

    @Test
    void aFollowerStopsWaitingAtItsOwnDeadline() throws Exception {
        CompletableFuture<GeneratedImage> leader = leader(CoalescerTest::image);

        assertThatThrownBy(() -> coalescer.generate(KEY, Duration.ofMillis(50), CoalescerTest::image))
                .isInstanceOfSatisfying(GenerationUnavailableException.class, e -> {
                    assertThat(e.chain()).isEqualTo("shots");
                    assertThat(e.getMessage()).contains("within its deadline").doesNotContain("secret");
                });
        release.countDown();
        assertThat(leader.get(10, TimeUnit.SECONDS).bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void theKeyNeverShowsThePrompt() {
        assertThat(KEY.toString()).doesNotContain("secret").contains("15 chars");
    }

    private boolean followerJoined() {
        return coalescer.callersOf(KEY) > 1;
    }
}
