package dev.genairesilience.provider.springai;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.image.ImageModel;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.RetryContext;
import org.springframework.retry.RetryListener;
import org.springframework.retry.RetryPolicy;
import org.springframework.retry.support.RetryTemplate;

/**
 * Keeps the chain the only retry loop: a Spring AI model retries its calls with its own {@link RetryTemplate}
 * (Spring AI's default allows 10 attempts), so a listener, registered once on a model's template when that template
 * allows more than one attempt, ends it after the first attempt of every call the engine makes. The application's
 * other calls through the same template (a chat model sharing Spring AI's {@code retryTemplate} bean) keep their
 * retries.
 */
final class SingleAttemptGuard {

    private static final Logger log = LoggerFactory.getLogger(SingleAttemptGuard.class);

    /** One listener per template, however many contexts guard it (Spring AI's default template is a constant). */
    private static final RetryListener STOP_AFTER_FIRST_ATTEMPT = new StopAfterFirstAttempt();
    private static final ThreadLocal<Boolean> ENGINE_CALL = new ThreadLocal<>();
    private static final Set<RetryTemplate> GUARDED = Collections.newSetFromMap(new WeakHashMap<>());

    /**
     * Guards the model's retry, warning once (for this provider) when it allows more than one attempt, or when its
     * retry cannot be seen.
     */
    void install(String providerId, String beanName, ImageModel model) {
        RetryTemplate template = ModelRetryTemplate.of(model);
        if (template == null) {
            log.warn("genai.providers.{}: cannot see the retry of ImageModel bean '{}' ({}): if it retries, one "
                    + "attempt of the chain may make several HTTP calls; build it without a retry of its own (for "
                    + "Spring AI's models, with a RetryTemplate of one attempt)", providerId, beanName,
                    model.getClass().getName());
            return;
        }
        int maxAttempts = maxAttempts(template);
        if (maxAttempts == 1) {
            return;
        }
        log.warn("genai.providers.{}: the RetryTemplate of ImageModel bean '{}' allows {} attempts per call; the engine"
                + " ends it after the first attempt of every call a chain makes, so that the chain stays the only "
                + "retry loop. To switch it off in the model itself, build the model with "
                + "RetryTemplate.builder().maxAttempts(1).build() (or set spring.ai.retry.max-attempts=1, which "
                + "every auto-configured Spring AI model shares)", providerId, beanName,
                maxAttempts == RetryPolicy.NO_MAXIMUM_ATTEMPTS_SET ? "an unknown number of" : maxAttempts);
        synchronized (GUARDED) {
            if (GUARDED.add(template)) {
                template.registerListener(STOP_AFTER_FIRST_ATTEMPT);
            }
        }
    }

    /** Runs one call of the engine: a retry of the model's template within it ends after its first attempt. */
    <T> T run(Callable<T> call) throws Exception {
        ENGINE_CALL.set(Boolean.TRUE);
        try {
            return call.call();
        } finally {
            ENGINE_CALL.remove();
        }
    }

    /** What the template's policy says of its attempts, read from the context it opens for a call that succeeds. */
    private static int maxAttempts(RetryTemplate template) {
        Object attempts = template.execute(
                (RetryCallback<Object, RuntimeException>) context -> context.getAttribute(RetryContext.MAX_ATTEMPTS));
        return attempts instanceof Integer n ? n : RetryPolicy.NO_MAXIMUM_ATTEMPTS_SET;
    }

    /** Ends a retry after its first failed attempt when the engine made the call, and only then. */
    private static final class StopAfterFirstAttempt implements RetryListener {

        @Override
        public <T, E extends Throwable> void onError(RetryContext context, RetryCallback<T, E> callback,
                Throwable throwable) {
            if (Boolean.TRUE.equals(ENGINE_CALL.get())) {
                context.setExhaustedOnly();
            }
        }
    }
}
