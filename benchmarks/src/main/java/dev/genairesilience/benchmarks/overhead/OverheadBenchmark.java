package dev.genairesilience.benchmarks.overhead;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.Resolution;
import dev.genairesilience.benchmarks.strategy.EngineApplication;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.ProviderImage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The engine's cost per successful call: the same in-process provider called directly, through
 * {@link ImageGenerator#generate(String, ImageRequest)}, and through an {@code @ImageGeneration} method. The
 * differences are what the engine and the aspect add.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OverheadBenchmark {

    private static final String PROMPT = "a lighthouse at dusk, watercolour";

    private ConfigurableApplicationContext context;
    private FixedImageProvider provider;
    private GenerationCall call;
    private ImageGenerator generator;
    private ImageRequest request;
    private AnnotatedImages images;

    @Setup(Level.Trial)
    public void start() {
        context = EngineApplication.start(OverheadConfiguration.properties(), OverheadConfiguration.class);
        provider = new FixedImageProvider("fixed");
        call = new GenerationCall(PROMPT, Resolution.ONE_K, "1:1", Duration.ofSeconds(60));
        generator = context.getBean(ImageGenerator.class);
        request = ImageRequest.of(PROMPT);
        images = context.getBean(AnnotatedImages.class);
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    /** The provider alone: the baseline. */
    @Benchmark
    public ProviderImage direct() {
        return provider.generate(call);
    }

    /** The provider through the engine's chain. */
    @Benchmark
    public GeneratedImage imageGenerator() {
        return generator.generate(OverheadConfiguration.CHAIN, request);
    }

    /** The provider through the engine, called by an {@code @ImageGeneration} method. */
    @Benchmark
    public GeneratedImage imageGenerationMethod() {
        return images.render(PROMPT);
    }
}
