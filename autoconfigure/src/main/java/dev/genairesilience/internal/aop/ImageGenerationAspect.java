package dev.genairesilience.internal.aop;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageGeneration;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.ProceedingJoinPoint;
import org.aspectj.lang.annotation.Around;
import org.aspectj.lang.annotation.Aspect;

/**
 * Behind {@link ImageGeneration @ImageGeneration}: the chain generates, and the method body runs only when
 * the chain has nothing left, as the application's own last resort. A {@code GenerationRejectedException}
 * reaches the caller unchanged, without running the body: the request is wrong, a stand-in would hide it.
 * With {@code mode = OFF_PEAK} the request is submitted to the off-peak queue and the body never runs.
 */
@Aspect
public class ImageGenerationAspect {

    private final ImageGenerator generator;
    private final Map<Method, ImageGenerationMethod> methods = new ConcurrentHashMap<>();

    public ImageGenerationAspect(ImageGenerator generator) {
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    /** Generates for one call of an annotated method. */
    @Around("@annotation(annotation)")
    public Object generate(ProceedingJoinPoint pjp, ImageGeneration annotation) {
        ImageGenerationMethod method = methods.computeIfAbsent(AdvisedMethods.of(pjp),
                m -> ImageGenerationMethod.of(m, annotation));
        ImageRequest request = method.request(pjp.getArgs());
        if (method.returns() == ImageGenerationMethod.Returns.JOB) {
            return method.chain() == null ? generator.submit(request) : generator.submit(method.chain(), request);
        }
        if (method.returns() == ImageGenerationMethod.Returns.FUTURE) {
            return generateAsync(pjp, method.chain(), request);
        }
        GeneratedImage image;
        try {
            image = method.chain() == null ? generator.generate(request) : generator.generate(method.chain(), request);
        } catch (GenerationUnavailableException unavailable) {
            return ApplicationLastResort.run(pjp, unavailable);
        }
        return method.returns() == ImageGenerationMethod.Returns.BYTES ? image.bytes() : image;
    }

    private CompletableFuture<GeneratedImage> generateAsync(ProceedingJoinPoint pjp, String chain,
            ImageRequest request) {
        CompletableFuture<GeneratedImage> generated = chain == null ? generator.generateAsync(request)
                : generator.generateAsync(chain, request);
        return generated.handle((image, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(image);
            }
            Throwable cause = ApplicationLastResort.unwrap(error);
            return cause instanceof GenerationUnavailableException unavailable
                    ? ApplicationLastResort.runAsync(pjp, unavailable)
                    : CompletableFuture.<GeneratedImage>failedFuture(cause);
        }).thenCompose(future -> future);
    }
}
