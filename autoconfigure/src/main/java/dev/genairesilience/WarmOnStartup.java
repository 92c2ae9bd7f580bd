package dev.genairesilience;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Calls the method once when the application has started, then every {@link #keepAlive()}, so the model it
 * calls is hot before the first user arrives and stays hot. While it runs, and with
 * {@code genai.warmup.gate-readiness=true}, the application's readiness stays {@code REFUSING_TRAFFIC}.
 *
 * <p>The method takes no argument, or a {@link ModelAttempt} (its {@code timeout()} is what the call may take; pass
 * it on to the SDK). It runs through the chain engine: a failure is classified, retried as {@code genai.retry.*}
 * allows within {@link #timeout()}, and counted by the breaker of {@link #model()}. A warm-up that still fails is
 * logged and shown in health; it stops the application only with {@code genai.warmup.required=true}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WarmOnStartup {

    /** How often to call the method again after the first time, such as {@code 15m}; empty for never. */
    String keepAlive() default "";

    /** How long one warm-up may take, retries included, such as {@code 2m}; empty for {@code genai.warmup.timeout}. */
    String timeout() default "";

    /**
     * The model the method warms: handed over as {@link ModelAttempt#model()}, and the circuit breaker its failures
     * count against (the one {@code @ModelFallback(models = …)} uses for it); empty for the method's own name.
     */
    String model() default "";
}
