package dev.genairesilience.internal.aop;

import dev.genairesilience.ImageGeneration;
import dev.genairesilience.ModelFallback;
import dev.genairesilience.chain.ChainDefinition;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Objects;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * Checks every {@link ImageGeneration @ImageGeneration} and {@link ModelFallback @ModelFallback} method when
 * its bean is created, so a method that cannot work (no prompt, wrong return type, no {@code ModelAttempt},
 * a missing fallback method, an unknown chain, a bad deadline, an off-peak method without a queue) stops
 * start-up instead of its first caller.
 */
public class AnnotatedMethodsValidator implements BeanPostProcessor {

    private final Supplier<Set<String>> chainNames;
    private final BooleanSupplier offPeakQueueExists;

    /**
     * @param chainNames         the configured chain names, asked only when a checked method names a chain
     * @param offPeakQueueExists whether an off-peak queue is configured, asked only for {@code mode = OFF_PEAK}
     */
    public AnnotatedMethodsValidator(Supplier<Set<String>> chainNames, BooleanSupplier offPeakQueueExists) {
        this.chainNames = Objects.requireNonNull(chainNames, "chainNames");
        this.offPeakQueueExists = Objects.requireNonNull(offPeakQueueExists, "offPeakQueueExists");
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
        ImageGeneration annotation = method.getAnnotation(ImageGeneration.class);
        ImageGenerationMethod checked = ImageGenerationMethod.of(method, annotation);
        knownChain(checked.chain(), "@ImageGeneration", method);
        if (annotation.mode() == ImageGeneration.Mode.OFF_PEAK && !offPeakQueueExists.getAsBoolean()) {
            throw new IllegalStateException("@ImageGeneration(mode = OFF_PEAK) method " + MethodNames.of(method)
                    + " needs the off-peak queue, which is not configured: add db-scheduler and a DataSource, and "
                    + "leave genai.batch.enabled unset or true");
        }
    }

    private void checkModelFallback(Method method, Class<?> targetClass) {
        ModelFallbackMethod checked = ModelFallbackMethod.of(method, method.getAnnotation(ModelFallback.class),
                targetClass);
        knownChain(checked.chain(), "@ModelFallback", method);
    }

    private void knownChain(String chain, String annotation, Method method) {
        if (chain != null && !chainNames.get().contains(chain)) {
            throw new IllegalStateException(annotation + " method " + MethodNames.of(method) + ": "
                    + ChainDefinition.unknownChainMessage(chain, chainNames.get()) + " (genai.chains)");
        }
    }
}
