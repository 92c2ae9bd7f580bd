package dev.genairesilience.internal.aop;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.aspectj.lang.ProceedingJoinPoint;

/**
 * Runs an {@code @ImageGeneration} method's body once the chain has nothing left. What the body delivers is
 * returned; when it throws or delivers {@code null}, the caller gets the chain's
 * {@link GenerationUnavailableException} (with the body's exception as suppressed), because that one says
 * what was tried and when to come back.
 */
final class ApplicationLastResort {

    private ApplicationLastResort() {
    }

    /** Runs the body of a method returning an image or bytes. */
    static Object run(ProceedingJoinPoint pjp, GenerationUnavailableException unavailable) {
        Object result;
        try {
            result = pjp.proceed();
        } catch (Throwable bodyFailure) {
            unavailable.addSuppressed(bodyFailure);
            throw unavailable;
        }
        if (result == null) {
            throw unavailable;
        }
        return result;
    }

    /** Runs the body of a method returning {@code CompletableFuture<GeneratedImage>}. */
    @SuppressWarnings("unchecked")
    static CompletableFuture<GeneratedImage> runAsync(ProceedingJoinPoint pjp,
            GenerationUnavailableException unavailable) {
        Object result;
        try {
            result = pjp.proceed();
        } catch (Throwable bodyFailure) {
            unavailable.addSuppressed(bodyFailure);
            return CompletableFuture.failedFuture(unavailable);
        }
        if (result == null) {
            return CompletableFuture.failedFuture(unavailable);
        }
        return ((CompletableFuture<GeneratedImage>) result).handle((image, bodyFailure) -> {
            if (bodyFailure != null) {
                unavailable.addSuppressed(unwrap(bodyFailure));
            }
            if (bodyFailure != null || image == null) {
                throw new CompletionException(unavailable);
            }
            return image;
        });
    }

    /** The failure a future carries, without the {@link CompletionException} the JDK wraps it in. */
    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
