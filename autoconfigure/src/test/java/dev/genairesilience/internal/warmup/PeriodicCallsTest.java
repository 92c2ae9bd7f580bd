package dev.genairesilience.internal.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class PeriodicCallsTest {

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final PeriodicCalls periodic;

    PeriodicCallsTest() {
        scheduler.initialize();
        periodic = new PeriodicCalls(scheduler, executor);
    }

    @AfterEach
    void stop() {
        periodic.destroy();
        scheduler.shutdown();
        executor.shutdownNow();
    }

    @Test
    void aCallStillRunningWhenTheNextIsDueIsNotDoubled() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();

        periodic.every(Duration.ofMillis(20), () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(150);
            running.decrementAndGet();
            runs.incrementAndGet();
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void callsRunOffTheSchedulersThreadAndStopWhenDestroyed() {
        AtomicInteger runs = new AtomicInteger();
        StringBuilder thread = new StringBuilder();
        periodic.every(Duration.ofMillis(20), () -> {
            if (runs.incrementAndGet() == 1) {
                thread.append(Thread.currentThread().getName());
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 2);

        periodic.destroy();
        sleep(100);
        int afterDestroy = runs.get();
        sleep(200);

        assertThat(thread.toString()).doesNotStartWith(scheduler.getThreadNamePrefix());
        assertThat(runs.get()).isEqualTo(afterDestroy);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
