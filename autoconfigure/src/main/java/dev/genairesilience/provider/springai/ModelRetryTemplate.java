package dev.genairesilience.provider.springai;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.springframework.ai.image.ImageModel;
import org.springframework.retry.support.RetryTemplate;

/**
 * Finds the {@link RetryTemplate} a Spring AI model retries with. Spring AI's image models keep it in a field and
 * offer no getter, so the field is read (of the model's class and its superclasses); a model that holds none, or
 * whose field cannot be read (a proxy, a native image without reflection hints), gives {@code null}.
 */
final class ModelRetryTemplate {

    private ModelRetryTemplate() {
    }

    static RetryTemplate of(ImageModel model) {
        for (Class<?> c = model.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && RetryTemplate.class.isAssignableFrom(field.getType())
                        && field.trySetAccessible()) {
                    try {
                        return (RetryTemplate) field.get(model);
                    } catch (IllegalAccessException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }
}
