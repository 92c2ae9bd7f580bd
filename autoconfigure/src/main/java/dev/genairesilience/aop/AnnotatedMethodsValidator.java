package dev.genairesilience.aop;

import dev.genairesilience.ImageGeneration;
import dev.genairesilience.ModelFallback;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Checks every {@link ImageGeneration @ImageGeneration} and {@link ModelFallback @ModelFallback} method when
 * its bean is created, so a method that cannot work (no prompt, wrong return type, no {@code ModelAttempt},
 * a missing fallback method, an unknown chain, a bad deadline) stops start-up instead of its first caller.
 */
public class AnnotatedMethodsValidator implements BeanPostProcessor {

    private final Supplier<Set<String>> chainNames;

    /** @param chainNames the configured chain names, asked only when a checked method names a chain */
    public AnnotatedMethodsValidator(Supplier<Set<String>> chainNames) {
        this.chainNames = Objects.requireNonNull(chainNames, "chainNames");
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> targetClass = AopProxyUtils.ultimateTargetClass(bean);
        if (AnnotationUtils.isCandidateClass(targetClass, ImageGeneration.class)) {
            annotated(targetClass, ImageGeneration.class).forEach(this::checkImageGeneration);
        }
        if (AnnotationUtils.isCandidateClass(targetClass, ModelFallback.class)) {
            annotated(targetClass, ModelFallback.class).forEach(m -> checkModelFallback(m, targetClass));
        }
        return bean;
    }

    private static Set<Method> annotated(Class<?> targetClass, Class<? extends Annotation> type) {
        return MethodIntrospector.selectMethods(targetClass,
                (MethodIntrospector.MetadataLookup<Object>) m -> m.getAnnotation(type)).keySet();
    }

    private void checkImageGeneration(Method method) {
        ImageGenerationMethod checked = ImageGenerationMethod.of(method, method.getAnnotation(ImageGeneration.class));
        knownChain(checked.chain(), "@ImageGeneration", method);
    }

    private void checkModelFallback(Method method, Class<?> targetClass) {
        ModelFallbackMethod checked = ModelFallbackMethod.of(method, method.getAnnotation(ModelFallback.class),
                targetClass);
        knownChain(checked.chain(), "@ModelFallback", method);
    }

    private void knownChain(String chain, String annotation, Method method) {
        if (chain != null && !chainNames.get().contains(chain)) {
            throw new IllegalStateException(annotation + " method " + MethodNames.of(method) + ": unknown chain '"
                    + chain + "'; configured chains (genai.chains): " + new TreeSet<>(chainNames.get()));
        }
    }
}
