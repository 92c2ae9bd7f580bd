package dev.genairesilience.internal.warmup;

import dev.genairesilience.ModelAttempt;
import dev.genairesilience.WarmOnStartup;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the {@link WarmOnStartup @WarmOnStartup} methods of every bean as it is created, and stops start-up,
 * naming the method, when one cannot work (arguments other than a {@link ModelAttempt}, a malformed duration).
 */
public final class WarmOnStartupMethods implements BeanPostProcessor {

    private final List<Found> found = new CopyOnWriteArrayList<>();

    private record Found(String beanName, Object bean, Method method, WarmOnStartup annotation) {
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        Class<?> type = AopUtils.getTargetClass(bean);
        Map<Method, WarmOnStartup> methods = MethodIntrospector.selectMethods(type,
                (MethodIntrospector.MetadataLookup<WarmOnStartup>) method -> AnnotatedElementUtils
                        .findMergedAnnotation(method, WarmOnStartup.class));
        methods.forEach((method, annotation) -> {
            Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
            check(beanName, invocable, annotation);
            found.add(new Found(beanName, bean, invocable, annotation));
        });
        return bean;
    }

    /**
     * A target per method found so far.
     *
     * @param defaultTimeout the timeout of methods that give none ({@code genai.warmup.timeout})
     */
    public List<WarmupTarget> targets(Duration defaultTimeout) {
        List<WarmupTarget> targets = new ArrayList<>();
        for (Found f : found) {
            String name = f.beanName() + "#" + f.method().getName();
            String model = f.annotation().model().isBlank() ? name : f.annotation().model().trim();
            Duration timeout = duration(f.annotation().timeout(), name, "timeout");
            targets.add(new WarmupTarget(name, model, model, timeout == null ? defaultTimeout : timeout,
                    duration(f.annotation().keepAlive(), name, "keepAlive"), attempt -> invoke(f, attempt)));
        }
        return targets;
    }

    private static void check(String beanName, Method method, WarmOnStartup annotation) {
        String name = beanName + "#" + method.getName();
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length > 1 || (parameters.length == 1 && parameters[0] != ModelAttempt.class)) {
            throw new IllegalStateException("@WarmOnStartup method " + name
                    + " must take no argument or one ModelAttempt");
        }
        duration(annotation.timeout(), name, "timeout");
        duration(annotation.keepAlive(), name, "keepAlive");
    }

    /** The duration, or {@code null} when {@code text} is empty. */
    private static Duration duration(String text, String method, String attribute) {
        if (text.isBlank()) {
            return null;
        }
        String where = "@WarmOnStartup method " + method + ": " + attribute + " '" + text + "'";
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not a duration such as 15m or PT15M", e);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalStateException(where + " must be positive");
        }
        return duration;
    }

    /** Lets the method's own exception reach the engine, so the SDK's types are classified. */
    private static void invoke(Found f, ModelAttempt attempt) throws Exception {
        Object[] args = f.method().getParameterCount() == 0 ? new Object[0] : new Object[] {attempt};
        ReflectionUtils.makeAccessible(f.method());
        try {
            f.method().invoke(f.bean(), args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new UndeclaredThrowableException(cause);
        }
    }
}
