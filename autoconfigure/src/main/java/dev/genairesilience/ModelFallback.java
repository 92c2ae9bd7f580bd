package dev.genairesilience;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the method body once per attempt, with the model to use, for code that calls a model itself
 * through any SDK. The body's exceptions are classified, retried with backoff, counted by a circuit
 * breaker per model and fallen over to the next model.
 *
 * <p>The method declares a {@link ModelAttempt} parameter; the engine fills it in (whatever the caller
 * passed there is replaced). Give either {@link #models()} or {@link #chain()}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ModelFallback {

    /** The models to try, in order; each gets its own circuit breaker named after it. */
    String[] models() default {};

    /** A configured chain whose providers' models (and resolutions) to try, in the chain's order. */
    String chain() default "";

    /**
     * A method of the same bean, with the same parameters, called when no model could deliver: the
     * application's last resort. Its result is returned; if it throws, the caller gets that exception
     * with the {@link GenerationUnavailableException} as suppressed.
     */
    String fallbackMethod() default "";

    /** How long the caller may wait in all, such as {@code 30s}; empty for {@code genai.retry.default-deadline}. */
    String deadline() default "";
}
