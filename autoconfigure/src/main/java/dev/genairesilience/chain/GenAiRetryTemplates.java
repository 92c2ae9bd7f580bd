package dev.genairesilience.chain;

import dev.genairesilience.failure.FailureClassification;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.springframework.retry.backoff.Sleeper;
import org.springframework.retry.backoff.ThreadWaitSleeper;
import org.springframework.retry.support.RetryTemplate;

/**
 * Spring Retry {@link RetryTemplate}s for an application's own calls (a text model through its SDK, say), retried as
 * the engine retries a step: each exception classified once by the {@link FailureClassification} (so the
 * application's {@code FailureClassifier}s apply), only retryable kinds retried, at most
 * {@link RetrySettings#maxAttempts()} calls, a full-jitter exponential backoff with a server's wait hint as its floor
 * up to {@link RetrySettings#maxServerWait()} (see {@link RetryDelay}), and no wait that would outlast the deadline,
 * counted afresh by each {@code execute}. The deadline bounds the waits and so whether another call starts; it does
 * not interrupt a call under way. When retrying stops, the last exception is thrown as it is.
 *
 * <p>No circuit breaker and no retry budget: those guard the chains' providers, whose calls the engine makes itself;
 * a template cannot tell which service an arbitrary call reaches.
 *
 * <pre>{@code
 * RetryTemplate retry = GenAiRetryTemplates.classifyingWith(classification)
 *         .settings(RetrySettings.defaults()).deadline(Duration.ofSeconds(30)).build();
 * String answer = retry.execute(context -> textModel.generate(prompt));
 * }</pre>
 */
public final class GenAiRetryTemplates {

    private GenAiRetryTemplates() {
    }

    /** Starts a template whose failures {@code classification} classifies. */
    public static Builder classifyingWith(FailureClassification classification) {
        return new Builder(Objects.requireNonNull(classification, "classification"));
    }

    /** Settings of one template; {@link #settings} and {@link #deadline} must be given. */
    public static final class Builder {

        private final FailureClassification classification;
        private RetrySettings settings;
        private Duration deadline;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = new ThreadWaitSleeper();
        private RandomGenerator random = RetryDelay.THREAD_LOCAL_RANDOM;

        private Builder(FailureClassification classification) {
            this.classification = classification;
        }

        /** Attempts and backoff; the budget settings are not used, a template has no budget. */
        public Builder settings(RetrySettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** How long one {@code execute} may keep retrying, from its start. */
        public Builder deadline(Duration deadline) {
            this.deadline = Objects.requireNonNull(deadline, "deadline");
            return this;
        }

        /** The time the deadline is read from; the system's UTC clock unless given. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How the backoff waits; {@link Thread#sleep} unless given (a test's sleeper advances its clock instead). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The source of the backoff's jitter (seed it to make tests repeatable). */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** A template safe to share between threads: each {@code execute} keeps its own state. */
        public RetryTemplate build() {
            if (settings == null || deadline == null) {
                throw new IllegalStateException("a GenAiRetryTemplates builder needs settings(...) and deadline(...)");
            }
            RetryTemplate template = new RetryTemplate();
            template.setRetryPolicy(new ClassifiedRetryPolicy(classification, settings,
                    new RetryDelay(settings, random), deadline, clock));
            template.setBackOffPolicy(new HintAwareBackOffPolicy(sleeper));
            return template;
        }
    }
}
