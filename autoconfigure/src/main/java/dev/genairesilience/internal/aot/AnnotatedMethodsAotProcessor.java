package dev.genairesilience.internal.aot;

import dev.genairesilience.ImageGeneration;
import dev.genairesilience.ModelFallback;
import dev.genairesilience.WarmOnStartup;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Set;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Registers, for each bean whose class has the starter's annotations, the reflection a native image needs:
 * {@link ImageGeneration @ImageGeneration} and {@link ModelFallback @ModelFallback} methods are inspected (their
 * annotations and parameters read when the bean is created), {@link WarmOnStartup @WarmOnStartup} methods and
 * {@code @ModelFallback}'s {@code fallbackMethod} are invoked by reflection. A fallback method that does not exist
 * is left to the start-up check, which names it.
 */
public class AnnotatedMethodsAotProcessor implements BeanRegistrationAotProcessor {

    private static final Set<Class<? extends Annotation>> STARTER_ANNOTATIONS = Set.of(ImageGeneration.class,
            ModelFallback.class, WarmOnStartup.class);

    @Override
    public BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
        Class<?> beanClass = ClassUtils.getUserClass(registeredBean.getBeanClass());
        if (!hasAnnotatedMethods(beanClass)) {
            return null;
        }
        return (generationContext, code) -> register(generationContext.getRuntimeHints().reflection(), beanClass);
    }

    /** Whether {@code type} declares or inherits a method with one of the starter's annotations. */
    static boolean hasAnnotatedMethods(Class<?> type) {
        if (!AnnotationUtils.isCandidateClass(type, STARTER_ANNOTATIONS)) {
            return false;
        }
        return !annotated(type, ImageGeneration.class).isEmpty() || !annotated(type, ModelFallback.class).isEmpty()
                || !annotated(type, WarmOnStartup.class).isEmpty();
    }

    /** Registers what the starter reflects on in {@code type}'s annotated methods. */
    static void register(ReflectionHints hints, Class<?> type) {
        annotated(type, ImageGeneration.class).forEach(m -> hints.registerMethod(m, ExecutableMode.INTROSPECT));
        annotated(type, WarmOnStartup.class).forEach(m -> hints.registerMethod(m, ExecutableMode.INVOKE));
        for (Method method : annotated(type, ModelFallback.class)) {
            hints.registerMethod(method, ExecutableMode.INTROSPECT);
            ModelFallback annotation = AnnotatedElementUtils.findMergedAnnotation(method, ModelFallback.class);
            String fallbackName = annotation == null ? "" : annotation.fallbackMethod().trim();
            if (!fallbackName.isEmpty()) {
                Method fallback = ReflectionUtils.findMethod(type, fallbackName, method.getParameterTypes());
                if (fallback != null) {
                    hints.registerMethod(fallback, ExecutableMode.INVOKE);
                }
            }
        }
    }

    /** Found the way the starter finds them at run time, bridge methods resolved. */
    private static Set<Method> annotated(Class<?> type, Class<? extends Annotation> annotation) {
        return MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<Annotation>) method ->
                AnnotatedElementUtils.findMergedAnnotation(method, annotation)).keySet();
    }
}
