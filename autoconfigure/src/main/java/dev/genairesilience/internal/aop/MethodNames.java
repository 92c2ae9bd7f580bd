package dev.genairesilience.internal.aop;

import java.lang.reflect.Method;

/** How messages name an annotated method: {@code ProductImages.heroShot(String)}. */
final class MethodNames {

    private MethodNames() {
    }

    static String of(Method method) {
        StringBuilder s = new StringBuilder(className(method)).append('.')
                .append(method.getName()).append('(');
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            s.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
        }
        return s.append(')').toString();
    }

    /** {@code ProductImages.heroShot}: the name {@code @ModelFallback} executions report as their chain. */
    static String shortName(Method method) {
        return className(method) + "." + method.getName();
    }

    // Anonymous and local classes have no simple name worth showing.
    private static String className(Method method) {
        Class<?> type = method.getDeclaringClass();
        return type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
    }
}
