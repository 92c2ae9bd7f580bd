package dev.genairesilience.internal.aop;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.ImageGeneration;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.Resolution;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.springframework.core.ResolvableType;

/**
 * An {@link ImageGeneration @ImageGeneration} method as the aspect uses it: where its prompt is, what it
 * returns, and the annotation's defaults. Built once per method; a method that cannot work is refused with
 * a message naming it.
 */
final class ImageGenerationMethod {

    /** The return types an {@code @ImageGeneration} method may declare; {@code JOB} for {@code mode = OFF_PEAK}. */
    enum Returns {
        IMAGE, BYTES, FUTURE, JOB
    }

    private final String chain;
    private final int promptIndex;
    private final boolean promptIsRequest;
    private final Returns returns;
    private final Resolution resolution;
    private final String aspectRatio;
    private final Duration deadline;

    private ImageGenerationMethod(String chain, int promptIndex, boolean promptIsRequest, Returns returns,
            Resolution resolution, String aspectRatio, Duration deadline) {
        this.chain = chain;
        this.promptIndex = promptIndex;
        this.promptIsRequest = promptIsRequest;
        this.returns = returns;
        this.resolution = resolution;
        this.aspectRatio = aspectRatio;
        this.deadline = deadline;
    }

    /**
     * @throws IllegalStateException naming the method when it has no prompt, returns something else or has a bad
     * attribute
     */
    static ImageGenerationMethod of(Method method, ImageGeneration annotation) {
        int promptIndex = -1;
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length && promptIndex < 0; i++) {
            if (types[i] == String.class || types[i] == ImageRequest.class) {
                promptIndex = i;
            }
        }
        if (promptIndex < 0) {
            throw new IllegalStateException("@ImageGeneration method " + MethodNames.of(method)
                    + " has no prompt: declare a String or ImageRequest parameter");
        }
        Resolution resolution;
        try {
            resolution = annotation.resolution().isBlank() ? null : Resolution.parse(annotation.resolution());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("@ImageGeneration method " + MethodNames.of(method) + ": resolution: "
                    + e.getMessage(), e);
        }
        return new ImageGenerationMethod(annotation.chain().isBlank() ? null : annotation.chain().trim(), promptIndex,
                types[promptIndex] == ImageRequest.class, returns(method, annotation.mode()), resolution,
                annotation.aspectRatio().isBlank() ? null : annotation.aspectRatio().trim(),
                AnnotationDurations.parse(annotation.deadline(), "@ImageGeneration", "deadline", method));
    }

    private static Returns returns(Method method, ImageGeneration.Mode mode) {
        Class<?> type = method.getReturnType();
        if (mode == ImageGeneration.Mode.OFF_PEAK) {
            if (type != ImageJob.class) {
                throw new IllegalStateException("@ImageGeneration(mode = OFF_PEAK) method " + MethodNames.of(method)
                        + " returns " + method.getGenericReturnType().getTypeName() + "; it must return ImageJob");
            }
            return Returns.JOB;
        }
        if (type == ImageJob.class) {
            throw new IllegalStateException("@ImageGeneration method " + MethodNames.of(method)
                    + " returns ImageJob, which only mode = OFF_PEAK delivers; set mode = OFF_PEAK");
        }
        if (type == GeneratedImage.class) {
            return Returns.IMAGE;
        }
        if (type == byte[].class) {
            return Returns.BYTES;
        }
        if (type == CompletableFuture.class
                && ResolvableType.forMethodReturnType(method).getGeneric(0).resolve() == GeneratedImage.class) {
            return Returns.FUTURE;
        }
        throw new IllegalStateException("@ImageGeneration method " + MethodNames.of(method) + " returns "
                + method.getGenericReturnType().getTypeName()
                + "; it must return GeneratedImage, byte[] or CompletableFuture<GeneratedImage>");
    }

    /** The chain named by the annotation, or {@code null} for the default chain. */
    String chain() {
        return chain;
    }

    Returns returns() {
        return returns;
    }

    /** The request for this call: the caller's, with what it leaves open filled in from the annotation. */
    ImageRequest request(Object[] args) {
        Object prompt = args[promptIndex];
        if (!promptIsRequest) {
            return ImageRequest.builder((String) prompt).resolution(resolution).aspectRatio(aspectRatio)
                    .deadline(deadline).build();
        }
        if (prompt == null) {
            throw new GenerationRejectedException("prompt", "is missing: the ImageRequest argument is null");
        }
        ImageRequest request = (ImageRequest) prompt;
        ImageRequest.Builder builder = request.toBuilder();
        if (request.resolution() == null) {
            builder.resolution(resolution);
        }
        if (request.aspectRatio() == null) {
            builder.aspectRatio(aspectRatio);
        }
        if (request.deadline() == null) {
            builder.deadline(deadline);
        }
        return builder.build();
    }
}
