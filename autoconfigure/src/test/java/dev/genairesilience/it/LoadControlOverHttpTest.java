package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.chain.ProviderLane;
import dev.genairesilience.chain.ProviderLanes;
import dev.genairesilience.testkit.Fault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

/** Each provider's lane admits only as many calls as it can serve; the rest go to the next provider at once. */
class LoadControlOverHttpTest extends EmulatedProvidersTest {

    /** {@code n} requests for a kite at the same moment, each on its own thread. */
    private static List<GeneratedImage> kites(AssertableApplicationContext context, int n) {
        return ConcurrentCalls.allAtOnce(n, caller -> generator(context).generate(ImageRequest.of("a kite")));
    }

    @Test
    void aProviderAtItsMaxConcurrencySpillsToTheNextWithoutACall() {
        emulator().model(PRO).latency(Duration.ofMillis(600));
        run(with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.providers.pro.max-concurrency=2"),
                context -> {
                    List<GeneratedImage> images = kites(context, 6);
                    assertThat(images).filteredOn(i -> i.provider().equals("pro")).hasSize(2);
                    assertThat(images).filteredOn(i -> i.provider().equals("flash")).hasSize(4)
                            .allSatisfy(i -> assertThat(i.attempts()).as("no call spent on the full lane").hasSize(1));
                    assertThat(emulator().model(PRO).calls()).isEqualTo(2);
                });
    }

    @Test
    void capacityAnswersShrinkTheLanesLimitAndTheOverflowGoesToTheNextProvider() {
        emulator().model(PRO).capacity(3, Duration.ofMillis(400));
        run(with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.retry.max-attempts=1"), context -> {
            ProviderLane pro = context.getBean(ProviderLanes.class).lane("pro");
            assertThat(pro.concurrencyLimit()).as("no limit before the provider pushes back")
                    .isEqualTo(ProviderLanes.UNLIMITED);
            List<GeneratedImage> images = kites(context, 12);

            assertThat(images).hasSize(12).allSatisfy(i -> assertThat(i.provider()).isIn("pro", "flash"));
            assertThat(pro.concurrencyLimit()).as("a 503 overloaded set it below the most ever in flight")
                    .isLessThan(12);
            assertThat(pro.inFlight()).isZero();
        });
    }

    @Test
    void requestsPerMinuteAreSpreadEvenlyAndTheRestGoToTheNextProvider() {
        run(with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.providers.pro.requests-per-minute=60"),
                context -> {
                    List<GeneratedImage> images = kites(context, 6);
                    assertThat(images).filteredOn(i -> i.provider().equals("pro")).as("one a second, no burst")
                            .hasSize(1);
                    assertThat(emulator().model(PRO).calls()).isEqualTo(1);
                    assertThat(emulator().model(FLASH).calls()).isEqualTo(5);
                });
    }

    @Test
    void withNoOtherProviderARequestWaitsForItsTurnWithinTheDeadline() {
        run(with(geminiPair(), "genai.chains.main.providers=pro", "genai.providers.pro.requests-per-minute=120"),
                context -> {
                    long start = System.nanoTime();
                    List<GeneratedImage> images = kites(context, 3);
                    assertThat(images).allSatisfy(i -> assertThat(i.provider()).isEqualTo("pro"));
                    assertThat(emulator().model(PRO).calls()).isEqualTo(3);
                    assertThat(millisSince(start)).as("three calls at one per 500 ms").isGreaterThanOrEqualTo(900);
                });
    }

    @Test
    void theLimitGrowsBackOnceTheProviderServesMoreAgain() {
        emulator().model(PRO).capacity(2, Duration.ofMillis(300));
        run(with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.retry.max-attempts=1"), context -> {
            ProviderLane pro = context.getBean(ProviderLanes.class).lane("pro");
            kites(context, 8);
            int shrunk = pro.concurrencyLimit();
            assertThat(shrunk).isLessThan(8);

            emulator().model(PRO).capacity(64, Duration.ofMillis(100));
            for (int wave = 0; wave < 6; wave++) {
                kites(context, 16);
            }

            assertThat(pro.concurrencyLimit()).as("deliveries on a busy lane added to it").isGreaterThan(shrunk);
        });
    }

    @Test
    void whenTheOnlyProviderIsAtItsLimitRequestsWaitForRoomWithinTheirDeadline() {
        emulator().model(PRO).latency(Duration.ofMillis(300));
        run(with(geminiPair(), "genai.chains.main.providers=pro", "genai.providers.pro.max-concurrency=1"),
                context -> {
                    long start = System.nanoTime();
                    List<GeneratedImage> images = kites(context, 3);

                    assertThat(images).allSatisfy(i -> {
                        assertThat(i.provider()).isEqualTo("pro");
                        assertThat(i.attempts()).hasSize(1);
                    });
                    assertThat(emulator().model(PRO).calls()).isEqualTo(3);
                    assertThat(millisSince(start)).as("one at a time").isGreaterThanOrEqualTo(850);
                });
    }

    @Test
    void aHoldEndsWithOneCallWhileTheOthersGoToTheNextProvider() {
        emulator().model(PRO).hint(Duration.ofSeconds(1)).failNext(1, Fault.RATE_LIMITED);
        run(with(geminiPair(), "genai.chains.main.providers=pro,flash"), context -> {
            assertThat(generator(context).generate(ImageRequest.of("a kite")).provider()).isEqualTo("flash");
            emulator().model(PRO).latency(Duration.ofMillis(600));
            sleep(Duration.ofMillis(1200));

            List<GeneratedImage> images = kites(context, 6);

            assertThat(images).filteredOn(i -> i.provider().equals("pro")).as("the one that found out").hasSize(1);
            assertThat(emulator().model(PRO).calls()).isEqualTo(2);
            assertThat(generator(context).generate(ImageRequest.of("a kite")).provider())
                    .as("back for everyone once it answered").isEqualTo("pro");
        });
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
