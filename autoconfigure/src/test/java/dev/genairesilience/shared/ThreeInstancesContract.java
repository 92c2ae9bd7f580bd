package dev.genairesilience.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.chain.ProviderLane;
import dev.genairesilience.chain.ProviderLanes;
import dev.genairesilience.shared.instance.SharedStateInstanceApplication;
import dev.genairesilience.testkit.ModelBehaviour;
import dev.genairesilience.testkit.ProviderEmulator;
import dev.genairesilience.testkit.RecordedCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Acceptance of issue 13, run on each real store by its subclass: three application instances on one store, against
 * an emulated quota of 60 calls per minute (a sliding window) that answers {@code 429} with {@code Retry-After: 10},
 * and a provider the application limits to 100 requests per minute. For 40 s the instances send far more than either
 * allows. Then:
 * <ul>
 *   <li>the quota's calls stay within the quota of each window the run touches plus one window's slack, and the calls
 *       it refused within one per instance per hold (a hold's end is found out by one call, of one instance at a
 *       time) plus, for each window, one per thread (the calls in flight when it ran out);</li>
 *   <li>from the moment instance 1 is held by a {@code Retry-After} until the hold ends, no instance calls the
 *       provider, not even the two that start sending inside the hold;</li>
 *   <li>the shared 100 per minute holds within 5% over the three (measured over 36 s: 60 calls).</li>
 * </ul>
 */
abstract class ThreeInstancesContract {

    static final int QUOTA = 60;
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration HINT = Duration.ofSeconds(10);
    static final int RPM = 100;
    static final Duration RUN = Duration.ofSeconds(40);
    static final int THREADS_PER_CHAIN = 2;
    /** How long the shared pace is measured: 60 calls at 100 RPM, so that 5% is 3 calls. */
    static final Duration PACE_MEASURED = Duration.ofSeconds(36);

    /** The arguments that put an instance on the store, such as its JDBC URL or Redis port. */
    abstract List<String> storeArguments();

    @Test
    void threeInstancesShareHoldsAndOnePace() throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.start()) {
            ModelBehaviour quota = emulator.model(SharedStateInstanceApplication.QUOTA_MODEL).rateLimit(QUOTA, WINDOW)
                    .hint(HINT).latency(Duration.ofMillis(20));
            ModelBehaviour paced = emulator.model(SharedStateInstanceApplication.PACED_MODEL)
                    .latency(Duration.ofMillis(20));
            List<ConfigurableApplicationContext> instances = new ArrayList<>();
            try {
                for (int n = 1; n <= 3; n++) {
                    instances.add(instance(emulator, n));
                }
                assertThat(instances.get(0).getBean(SharedState.class).active()).as("the store answers").isTrue();
                Run run = drive(instances);

                List<RecordedCall> quotaCalls = quota.recordedCalls();
                int refused = quotaCalls.size() - quota.successes();
                int windows = (int) Math.ceil(RUN.toMillis() / (double) WINDOW.toMillis());
                assertThat(quotaCalls.size()).as("calls to the quota, %s", byInstance(quotaCalls))
                        .isLessThanOrEqualTo(QUOTA * windows + QUOTA);
                assertThat(refused).as("calls the quota refused, in %d holds", run.holds())
                        .isLessThanOrEqualTo(3 * run.holds() + windows * 3 * THREADS_PER_CHAIN);

                Instant quietFrom = run.firstHold().seenAt().plusMillis(100);
                Instant quietTo = run.firstHold().endsAt().minusMillis(100);
                List<RecordedCall> during = quotaCalls.stream().filter(c -> c.receivedAt().isAfter(quietFrom)
                        && c.receivedAt().isBefore(quietTo)).toList();
                assertThat(during).as("calls while instance 1's Retry-After held the provider (%s to %s), the "
                        + "other two having started in it; %s in all", quietFrom, quietTo, byInstance(quotaCalls))
                        .isEmpty();

                List<RecordedCall> pacedCalls = paced.recordedCalls();
                Instant pacedStart = pacedCalls.get(0).receivedAt();
                long measured = pacedCalls.stream()
                        .filter(c -> c.receivedAt().isBefore(pacedStart.plus(PACE_MEASURED))).count();
                double expected = RPM * PACE_MEASURED.toMillis() / 60_000.0;
                assertThat((double) measured).as("calls to the paced provider in its first %s (%s RPM: %s), %s",
                        PACE_MEASURED, RPM, expected, byInstance(pacedCalls))
                        .isBetween(expected * 0.95, expected * 1.05);
                assertThat(byInstance(pacedCalls)).as("every instance took part").doesNotContain("=0");
            } finally {
                instances.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    /** A hold instance 1 had: when it was first seen, and when it ends. */
    record Hold(Instant seenAt, Instant endsAt) {
    }

    /** What the run saw: instance 1's first hold, and how many holds it had in all. */
    record Run(Hold firstHold, int holds) {
    }

    /**
     * For {@link #RUN}: on every instance, {@link #THREADS_PER_CHAIN} threads ask the {@code paced} chain again as
     * soon as they have an answer (50 ms after a refusal); on instance 1 as many ask the {@code quota} chain, and on
     * the other two they start once instance 1 is held by a {@code Retry-After}, so that they start inside the hold.
     */
    private static Run drive(List<ConfigurableApplicationContext> instances) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService threads = Executors.newCachedThreadPool();
        for (ConfigurableApplicationContext instance : instances) {
            load(threads, instance, "paced", running);
        }
        load(threads, instances.get(0), "quota", running);
        ProviderLane watched = instances.get(0).getBean(ProviderLanes.class).lane("quota");
        Hold first = null;
        int holds = 0;
        Instant end = Instant.now().plus(RUN);
        Instant heldUntil = Instant.MIN;
        while (Instant.now().isBefore(end)) {
            Instant now = Instant.now();
            Duration held = watched.heldFor();
            if (!held.isZero() && !now.isBefore(heldUntil)) {
                heldUntil = now.plus(held);
                holds++;
                if (first == null) {
                    first = new Hold(now, heldUntil);
                    load(threads, instances.get(1), "quota", running);
                    load(threads, instances.get(2), "quota", running);
                }
            }
            sleep(Duration.ofMillis(5));
        }
        running.set(false);
        threads.shutdown();
        threads.awaitTermination(30, TimeUnit.SECONDS);
        assertThat(first).as("a Retry-After held instance 1").isNotNull();
        return new Run(first, holds);
    }

    private static void load(ExecutorService threads, ConfigurableApplicationContext instance, String chain,
            AtomicBoolean running) {
        ImageGenerator generator = instance.getBean(ImageGenerator.class);
        for (int i = 0; i < THREADS_PER_CHAIN; i++) {
            threads.execute(() -> {
                while (running.get()) {
                    try {
                        generator.generate(chain, ImageRequest.of("a lighthouse at dusk"));
                    } catch (GenerationUnavailableException refused) {
                        sleep(Duration.ofMillis(50));
                    }
                }
            });
        }
    }

    private static String byInstance(List<RecordedCall> calls) {
        StringBuilder counts = new StringBuilder();
        for (int n = 1; n <= 3; n++) {
            String key = SharedStateInstanceApplication.key(n);
            counts.append(n == 1 ? "" : ", ").append("instance ").append(n).append('=')
                    .append(calls.stream().filter(c -> key.equals(c.header("x-goog-api-key"))).count());
        }
        return counts.toString();
    }

    private ConfigurableApplicationContext instance(ProviderEmulator emulator, int n) {
        List<String> arguments = SharedStateInstanceApplication.arguments(emulator.baseUrl(), n, RPM,
                storeArguments().toArray(String[]::new));
        return new SpringApplicationBuilder(SharedStateInstanceApplication.class).web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
