package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.Resolution;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.Delivery;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ProviderHttpException;
import java.io.IOException;
import java.time.Duration;
import org.springframework.retry.support.RetryTemplate;

/**
 * {@code spring-ai-retry}: Spring AI's defaults, reproduced with Spring Retry. Its
 * {@code RetryUtils.DEFAULT_RETRY_TEMPLATE} makes 10 attempts with an exponential backoff of 2 s × 5 up to
 * 3 min, retrying {@code TransientAiException} and {@code ResourceAccessException}; its
 * {@code DEFAULT_RESPONSE_ERROR_HANDLER} throws the transient one for every 5xx and the non-transient one for
 * every 4xx, 429 included. So: 5xx and I/O errors are retried, nothing else is, and there is no fallback. Every
 * attempt asks the scenario's resolution: Spring AI has no degrading of its own.
 */
final class SpringAiRetryStrategy implements Strategy {

    private final DirectCalls calls;
    private final ImageProvider provider;
    private final RetryTemplate template;
    private final Resolution resolution;

    SpringAiRetryStrategy(ProviderLineup lineup, ImageAsk ask, TimeScale scale) {
        this.calls = new DirectCalls(lineup, scale);
        this.provider = calls.providers().get(0);
        this.resolution = ask.resolution();
        this.template = RetryTemplate.builder()
                .maxAttempts(10)
                .retryOn(TransientAiException.class)
                .retryOn(ResourceAccessException.class)
                .exponentialBackoff(scale.wall(Duration.ofSeconds(2)), 5, scale.wall(Duration.ofMinutes(3)))
                .build();
    }

    @Override
    public Delivery generate(String prompt) throws Exception {
        return template.execute(context -> callTranslatingErrors(prompt));
    }

    /** One call, its errors turned into what Spring AI's error handler and RestClient would throw. */
    private Delivery callTranslatingErrors(String prompt) throws Exception {
        try {
            return calls.call(provider, prompt, resolution);
        } catch (ProviderHttpException e) {
            throw e.status() >= 500 ? new TransientAiException(e) : new NonTransientAiException(e);
        } catch (IOException e) {
            throw new ResourceAccessException(e);
        }
    }

    /** Spring AI's {@code TransientAiException}: a 5xx answer. */
    static final class TransientAiException extends RuntimeException {
        TransientAiException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Spring AI's {@code NonTransientAiException}: a 4xx answer. */
    static final class NonTransientAiException extends RuntimeException {
        NonTransientAiException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Spring's {@code ResourceAccessException}: the I/O error RestClient wraps. */
    static final class ResourceAccessException extends RuntimeException {
        ResourceAccessException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
