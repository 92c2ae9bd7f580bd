package dev.genairesilience.chain;

import dev.genairesilience.Resolution;
import java.time.Duration;
import java.util.Objects;

/**
 * One thing a {@link Plan} may try: a model of a provider at a resolution, retried as the engine's retry
 * settings allow. Built with {@link #builder(String, StepCall)}.
 *
 * @param <T> what the call produces
 */
public final class Step<T> {

    private final String breakerId;
    private final String provider;
    private final String model;
    private final Resolution resolution;
    private final Duration timeout;
    private final boolean alwaysDegraded;
    private final StepCall<T> call;

    private Step(Builder<T> b) {
        this.provider = Objects.requireNonNull(b.provider, "provider");
        this.call = Objects.requireNonNull(b.call, "call");
        this.breakerId = b.breakerId != null ? b.breakerId : b.provider;
        this.model = b.model != null ? b.model : b.provider;
        this.resolution = b.resolution;
        this.timeout = Objects.requireNonNull(b.timeout, "timeout");
        this.alwaysDegraded = b.alwaysDegraded;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Step timeout must be positive, was " + timeout);
        }
    }

    /**
     * A step of {@code provider} (its lane, breaker and budget too, unless {@link Builder#lane} says otherwise)
     * that makes {@code call} once per attempt.
     *
     * @param provider the provider id, or the model itself for {@code @ModelFallback(models = …)}
     */
    public static <T> Builder<T> builder(String provider, StepCall<T> call) {
        return new Builder<>(provider, call);
    }

    /** The lane (circuit breaker, retry budget, hold) this step counts against, usually the provider id. */
    public String breakerId() {
        return breakerId;
    }

    /** The provider id, or the model itself for {@code @ModelFallback(models = …)}. */
    public String provider() {
        return provider;
    }

    /** The model asked. */
    public String model() {
        return model;
    }

    /** The resolution asked, or {@code null} where resolution does not apply. */
    public Resolution resolution() {
        return resolution;
    }

    /** The provider's per-call timeout; each attempt gets at most what the deadline leaves it. */
    public Duration timeout() {
        return timeout;
    }

    /** {@code true} for a stand-in whose result is never what was asked for (an offline card). */
    public boolean alwaysDegraded() {
        return alwaysDegraded;
    }

    /** The one call an attempt makes. */
    public StepCall<T> call() {
        return call;
    }

    /** {@code provider/4K}, or just the provider when resolution does not apply: for messages. */
    public String label() {
        return resolution == null ? provider : provider + "/" + resolution.label();
    }

    @Override
    public String toString() {
        return "Step[" + label() + ", model=" + model + ", lane=" + breakerId + ", timeout=" + timeout + "]";
    }

    /** Builds a {@link Step}; the model defaults to the provider id, the lane to the provider id. */
    public static final class Builder<T> {

        private final String provider;
        private final StepCall<T> call;
        private String breakerId;
        private String model;
        private Resolution resolution;
        private Duration timeout;
        private boolean alwaysDegraded;

        private Builder(String provider, StepCall<T> call) {
            this.provider = provider;
            this.call = call;
        }

        /** The lane the step counts against, when it is not the provider id. */
        public Builder<T> lane(String breakerId) {
            this.breakerId = breakerId;
            return this;
        }

        /** The model asked. */
        public Builder<T> model(String model) {
            this.model = model;
            return this;
        }

        /** The resolution asked. */
        public Builder<T> resolution(Resolution resolution) {
            this.resolution = resolution;
            return this;
        }

        /** The provider's per-call timeout (required, positive). */
        public Builder<T> timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Marks a stand-in whose result is never what was asked for. */
        public Builder<T> alwaysDegraded(boolean alwaysDegraded) {
            this.alwaysDegraded = alwaysDegraded;
            return this;
        }

        public Step<T> build() {
            return new Step<>(this);
        }
    }
}
