package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.spi.FailureClassifier;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.retry.support.RetryTemplate;

/** The {@code genAiRetryTemplate} bean: there, configured from {@code genai.retry.*}, and out of the way. */
class GenAiRetryTemplateAutoConfigurationTest {

    private final ApplicationContextRunner runner = GenAiContextRunners.application()
            .withBean(FailureClassifier.class, () -> GenAiRetryTemplateAutoConfigurationTest::classify)
            .withPropertyValues("genai.retry.max-attempts=4", "genai.retry.initial-interval=1ms",
                    "genai.retry.max-interval=2ms", "genai.retry.max-server-wait=5s",
                    "genai.retry.default-deadline=2s");

    @Test
    void retriesWhatTheApplicationsClassifierCallsRetryableUpToMaxAttempts() {
        runner.run(context -> {
            assertThat(calls(context, new SdkException("overloaded"))).isEqualTo(4);
            assertThat(calls(context, new IllegalStateException("nobody knows me"))).isEqualTo(1);
        });
    }

    @Test
    void honoursMaxServerWaitAndTheDefaultDeadlineFromTheProperties() {
        runner.run(context -> {
            assertThat(calls(context, new SdkException("retry in 10s"))).as("longer than max-server-wait").isEqualTo(1);
            assertThat(calls(context, new SdkException("retry in 3s"))).as("past the deadline").isEqualTo(1);
        });
    }

    @Test
    void isNoDefaultCandidateSoTheApplicationsOwnRetryTemplateStaysTheOneInjectedByType() {
        RetryTemplate own = new RetryTemplate();
        runner.withBean("applicationRetryTemplate", RetryTemplate.class, () -> own).run(context -> {
            assertThat(context).hasBean("genAiRetryTemplate");
            assertThat(context.getBean(RetryTemplate.class)).isSameAs(own);
        });
    }

    @Test
    void stepsAsideForAnApplicationBeanOfTheSameName() {
        RetryTemplate own = new RetryTemplate();
        runner.withBean("genAiRetryTemplate", RetryTemplate.class, () -> own)
                .run(context -> assertThat(context.getBean("genAiRetryTemplate")).isSameAs(own));
    }

    private static int calls(AssertableApplicationContext context, RuntimeException failure) {
        RetryTemplate template = context.getBean("genAiRetryTemplate", RetryTemplate.class);
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> template.execute(retryContext -> {
            calls.incrementAndGet();
            throw failure;
        })).isSameAs(failure);
        return calls.get();
    }

    /** What the application's SDK throws: overloaded, or rate limited with a wait hint. */
    private static Failure classify(Throwable error) {
        if (!(error instanceof SdkException sdk)) {
            return null;
        }
        return switch (sdk.getMessage()) {
            case "retry in 10s" -> new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(10), null);
            case "retry in 3s" -> new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(3), null);
            default -> Failure.of(FailureKind.OVERLOADED);
        };
    }

    private static final class SdkException extends RuntimeException {
        SdkException(String message) {
            super(message);
        }
    }
}
