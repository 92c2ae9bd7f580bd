package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** With {@code coalesce: true}, identical requests in flight at the same moment share one provider call. */
class CoalesceOverHttpTest extends EmulatedProvidersTest {

    private static final int CALLERS = 20;

    /** Starts {@code CALLERS} calls at the same moment and waits for every image. */
    private static List<GeneratedImage> allAtOnce(IntFunction<GeneratedImage> call) {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<GeneratedImage>> answers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                int caller = i;
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return call.apply(caller);
                }, callers));
            }
            start.countDown();
            List<GeneratedImage> images = new ArrayList<>();
            for (CompletableFuture<GeneratedImage> answer : answers) {
                images.add(answer.get(30, TimeUnit.SECONDS));
            }
            return images;
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void twentyIdenticalConcurrentRequestsMakeOneProviderCall() {
        emulator().model(PRO).latency(Duration.ofSeconds(2));
        run(with(geminiPair(), "genai.chains.main.providers=pro,flash", "genai.chains.main.coalesce=true"),
                context -> {
                    List<GeneratedImage> images = allAtOnce(
                            caller -> generator(context).generate(ImageRequest.of("a red kite")));

                    assertThat(emulator().model(PRO).calls()).isEqualTo(1);
                    assertThat(emulator().model(FLASH).calls()).isZero();
                    assertThat(images).hasSize(CALLERS).allSatisfy(image -> {
                        assertThat(image.shared()).isTrue();
                        assertThat(image.provider()).isEqualTo("pro");
                    });
                    assertThat(images.get(0).bytes()).as("each caller has its own copy")
                            .isNotSameAs(images.get(1).bytes()).isEqualTo(images.get(1).bytes());
                });
    }

    @Test
    void differentPromptsAndChainsThatDoNotCoalesceEachGenerate() {
        emulator().model(PRO).latency(Duration.ofMillis(500));
        run(with(geminiPair(), "genai.chains.main.providers=pro", "genai.chains.main.coalesce=true",
                "genai.chains.plain.providers=flash"), context -> {
                    List<GeneratedImage> distinct = allAtOnce(caller -> generator(context).generate("main",
                            ImageRequest.of("a kite number " + caller)));
                    List<GeneratedImage> uncoalesced = allAtOnce(caller -> generator(context).generate("plain",
                            ImageRequest.of("a red kite")));

                    assertThat(emulator().model(PRO).calls()).isEqualTo(CALLERS);
                    assertThat(emulator().model(FLASH).calls()).isEqualTo(CALLERS);
                    assertThat(distinct).noneMatch(GeneratedImage::shared);
                    assertThat(uncoalesced).noneMatch(GeneratedImage::shared);
                });
    }
}
