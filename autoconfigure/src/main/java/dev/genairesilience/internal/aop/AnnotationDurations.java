package dev.genairesilience.internal.aop;

import java.lang.reflect.Method;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/** Reads the duration attributes of the annotations ({@code "30s"}, {@code "PT30S"}, empty for none). */
final class AnnotationDurations {

    private AnnotationDurations() {
    }

    /**
     * @return the duration, or {@code null} when {@code text} is empty
     * @param annotation such as {@code @ImageGeneration}, for the message
     * @throws IllegalStateException naming the method and attribute when {@code text} is not a positive duration
     */
    static Duration parse(String text, String annotation, String attribute, Method method) {
        if (text.isBlank()) {
            return null;
        }
        String where = annotation + " method " + MethodNames.of(method) + ": " + attribute + " '" + text + "'";
        Duration duration;
        try {
            duration = DurationStyle.detectAndParse(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not a duration such as 30s or PT30S", e);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalStateException(where + " must be positive");
        }
        return duration;
    }
}
