package dev.genairesilience.internal.aop;

import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ModelAttempt;
import dev.genairesilience.ModelFallback;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A {@link ModelFallback @ModelFallback} method as the aspect uses it: where its {@link ModelAttempt} goes,
 * what to try, its deadline and its fallback method. Built once per method; a method that cannot work is
 * refused with a message naming it.
 */
final class ModelFallbackMethod {

    private final String name;
    private final int attemptIndex;
    private final List<String> models;
    private final String chain;
    private final Duration deadline;
    private final Method fallback;

    private ModelFallbackMethod(String name, int attemptIndex, List<String> models, String chain, Duration deadline,
            Method fallback) {
        this.name = name;
        this.attemptIndex = attemptIndex;
        this.models = models;
        this.chain = chain;
        this.deadline = deadline;
        this.fallback = fallback;
    }

    /**
     * @param targetClass the bean's class, where the fallback method is looked up
     * @throws IllegalStateException naming the method when it cannot work
     */
    static ModelFallbackMethod of(Method method, ModelFallback annotation, Class<?> targetClass) {
        String described = "@ModelFallback method " + MethodNames.of(method);
        int attemptIndex = Arrays.asList(method.getParameterTypes()).indexOf(ModelAttempt.class);
        if (attemptIndex < 0) {
            throw new IllegalStateException(described + " has no ModelAttempt parameter: declare one to receive "
                    + "the model to call on each attempt");
        }
        List<String> models = Arrays.stream(annotation.models()).map(String::trim).toList();
        String chain = annotation.chain().trim();
        if (models.isEmpty() == chain.isEmpty()) {
            throw new IllegalStateException(described + ": give either models or chain, not "
                    + (models.isEmpty() ? "neither" : "both"));
        }
        if (models.stream().anyMatch(String::isEmpty)) {
            throw new IllegalStateException(described + ": models contains an empty name");
        }
        Duration deadline = AnnotationDurations.parse(annotation.deadline(), "@ModelFallback", "deadline", method);
        return new ModelFallbackMethod(MethodNames.shortName(method), attemptIndex, models,
                chain.isEmpty() ? null : chain, deadline,
                fallback(method, annotation.fallbackMethod().trim(), targetClass, described));
    }

    private static Method fallback(Method method, String name, Class<?> targetClass, String described) {
        if (name.isEmpty()) {
            return null;
        }
        Method fallback = ReflectionUtils.findMethod(targetClass, name, method.getParameterTypes());
        if (fallback == null) {
            throw new IllegalStateException(described + ": fallbackMethod '" + name + "' not found on "
                    + targetClass.getSimpleName() + " with the same parameters");
        }
        if (!ClassUtils.isAssignable(method.getReturnType(), fallback.getReturnType())) {
            throw new IllegalStateException(described + ": fallbackMethod '" + name + "' returns "
                    + fallback.getReturnType().getSimpleName() + ", not " + method.getReturnType().getSimpleName());
        }
        ReflectionUtils.makeAccessible(fallback);
        return fallback;
    }

    /** {@code ProductImages.render}: the name this method's executions report as their chain. */
    String name() {
        return name;
    }

    /** The models to try, in order; empty when a chain is named. */
    List<String> models() {
        return models;
    }

    /** The chain whose providers to try, or {@code null} when models are given. */
    String chain() {
        return chain;
    }

    /** The annotation's deadline, or {@code null} for the configured default. */
    Duration deadline() {
        return deadline;
    }

    /** The caller's arguments with the {@link ModelAttempt} of this attempt in its place. */
    Object[] withAttempt(Object[] args, ModelAttempt attempt) {
        Object[] copy = args.clone();
        copy[attemptIndex] = attempt;
        return copy;
    }

    /**
     * Calls the fallback method, or rethrows when there is none. If the fallback throws, its exception
     * reaches the caller with {@code unavailable} as suppressed.
     */
    Object fallBack(Object target, Object[] args, GenerationUnavailableException unavailable) throws Throwable {
        if (fallback == null) {
            throw unavailable;
        }
        try {
            return fallback.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable failure = e.getTargetException();
            failure.addSuppressed(unavailable);
            throw failure;
        }
    }
}
