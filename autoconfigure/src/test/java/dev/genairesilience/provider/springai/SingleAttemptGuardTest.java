package dev.genairesilience.provider.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.retry.RetryCallback;
import org.springframework.retry.support.RetryTemplate;

@ExtendWith(OutputCaptureExtension.class)
class SingleAttemptGuardTest {

    private final AtomicInteger attempts = new AtomicInteger();
    private final RetryCallback<Object, RuntimeException> failing = context -> {
        attempts.incrementAndGet();
        throw new IllegalStateException("503 - overloaded");
    };

    @Test
    void theModelsRetryEndsAfterItsFirstAttemptInTheEnginesCallsOnly(CapturedOutput output) {
        RetryTemplate template = RetryTemplate.builder().maxAttempts(3).noBackoff()
                .retryOn(IllegalStateException.class).build();
        SingleAttemptGuard guard = new SingleAttemptGuard();
        guard.install("sai", "imageModel", new RetryingModel(template));

        Throwable inTheEngine = catchThrowable(() -> guard.run(() -> template.execute(failing)));
        int engineAttempts = attempts.getAndSet(0);
        catchThrowable(() -> template.execute(failing));

        assertThat(inTheEngine).isInstanceOf(IllegalStateException.class);
        assertThat(engineAttempts).isEqualTo(1);
        assertThat(attempts).hasValue(3);
        assertThat(output.getAll()).contains("genai.providers.sai: the RetryTemplate of ImageModel bean 'imageModel' "
                + "allows 3 attempts per call");
    }

    @Test
    void aTemplateOfOneAttemptIsLeftAloneWithoutAWarning(CapturedOutput output) {
        RetryTemplate template = RetryTemplate.builder().maxAttempts(1).build();

        new SingleAttemptGuard().install("sai", "imageModel", new RetryingModel(template));

        assertThat(output.getAll()).doesNotContain("genai.providers.sai");
    }

    @Test
    void aModelWhoseRetryCannotBeSeenIsWarnedAbout(CapturedOutput output) {
        ImageModel opaque = prompt -> {
            throw new UnsupportedOperationException("not called");
        };

        new SingleAttemptGuard().install("sai", "imageModel", opaque);

        assertThat(output.getAll()).contains("genai.providers.sai: cannot see the retry of ImageModel bean "
                + "'imageModel'");
    }

    /** A model that keeps its retry in a field, as Spring AI's models do. */
    private static final class RetryingModel implements ImageModel {

        private final RetryTemplate retryTemplate;

        RetryingModel(RetryTemplate retryTemplate) {
            this.retryTemplate = retryTemplate;
        }

        @Override
        public ImageResponse call(ImagePrompt prompt) {
            return retryTemplate.execute(context -> {
                throw new UnsupportedOperationException("not called");
            });
        }
    }
}
