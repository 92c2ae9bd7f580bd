package dev.genairesilience;

import dev.genairesilience.failure.FailureKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * One call the engine made to a provider, as it happened: part of every result's provenance
 * ({@link GeneratedImage#attempts()}) and of every {@link GenerationUnavailableException}.
 * Built with {@link #builder(String, String)}.
 */
public final class Attempt {

    private final String provider;
    private final String model;
    private final Resolution resolution;
    private final FailureKind failure;
    private final int httpStatus;
    private final Duration duration;
    private final Duration waitBefore;
    private final Duration timeout;
    private final BigDecimal cost;
    private final String abandonedJob;
    private final String resumedJob;

    private Attempt(Builder b) {
        this.provider = Objects.requireNonNull(b.provider, "provider");
        this.model = b.model;
        this.resolution = b.resolution;
        this.failure = b.failure;
        this.httpStatus = b.httpStatus;
        this.duration = Objects.requireNonNull(b.duration, "duration");
        this.waitBefore = Objects.requireNonNull(b.waitBefore, "waitBefore");
        this.timeout = b.timeout;
        this.cost = b.cost;
        this.abandonedJob = b.abandonedJob;
        this.resumedJob = b.resumedJob;
        if (cost != null && cost.signum() < 0) {
            throw new IllegalArgumentException("An attempt's cost must be zero or more, was " + cost);
        }
    }

    /**
     * An attempt of {@code model} at {@code provider} that delivered, until {@link Builder#failure} says otherwise.
     *
     * @param provider the provider id from configuration (or the model, for {@code @ModelFallback(models = …)})
     * @param model    the model that was asked
     */
    public static Builder builder(String provider, String model) {
        return new Builder(provider, model);
    }

    /** The provider id from configuration (or the model, for {@code @ModelFallback(models = …)}). */
    public String provider() {
        return provider;
    }

    /** The model that was asked. */
    public String model() {
        return model;
    }

    /** The resolution that was asked, or {@code null} where resolution does not apply. */
    public Resolution resolution() {
        return resolution;
    }

    /** What went wrong, or {@code null} when this attempt delivered. */
    public FailureKind failure() {
        return failure;
    }

    /** The HTTP status the provider answered, or {@code 0} when there was no HTTP answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** How long the call took. */
    public Duration duration() {
        return duration;
    }

    /** How long the engine waited (backoff or server hint) before making it. */
    public Duration waitBefore() {
        return waitBefore;
    }

    /**
     * How long the call was allowed: the provider's timeout, cut to what the deadline left after keeping back the
     * time the chain's later providers need; {@code null} when not known (an attempt reported by other code).
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * What this call cost, in the currency of {@code genai.providers.<id>.price}: the provider's price per image at
     * this resolution when it delivered; {@code price.failed-call} when it failed with an HTTP answer, else zero.
     * {@code null} when not known: it delivered, and its provider has no price for this resolution (or the attempt
     * was reported by other code).
     */
    public BigDecimal cost() {
        return cost;
    }

    /**
     * For an asynchronous provider (submit, then poll), the id of the job this attempt submitted and abandoned when
     * its time ended (cancelled where the API can cancel); {@code null} otherwise.
     */
    public String abandonedJob() {
        return abandonedJob;
    }

    /**
     * For an off-peak job, the id of the asynchronous provider's job that an earlier run submitted and this attempt
     * fetched (polled, and its image downloaded) instead of submitting anew; {@code null} for an attempt that
     * submitted its own.
     */
    public String resumedJob() {
        return resumedJob;
    }

    /** Whether this attempt delivered the result. */
    public boolean succeeded() {
        return failure == null;
    }

    /** A compact form for headers and logs: {@code provider/1K:OVERLOADED(503) 120ms}. */
    public String summary() {
        StringBuilder s = new StringBuilder(provider);
        if (resolution != null) {
            s.append('/').append(resolution.label());
        }
        s.append(':').append(failure == null ? "OK" : failure.name());
        if (httpStatus > 0) {
            s.append('(').append(httpStatus).append(')');
        }
        s.append(' ').append(duration.toMillis()).append("ms");
        if (!waitBefore.isZero()) {
            s.append(" after ").append(waitBefore.toMillis()).append("ms wait");
        }
        if (resumedJob != null) {
            s.append(", job ").append(resumedJob).append(" resumed");
        }
        if (abandonedJob != null) {
            s.append(", job ").append(abandonedJob).append(" abandoned");
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attempt a && provider.equals(a.provider) && Objects.equals(model, a.model)
                && resolution == a.resolution && failure == a.failure && httpStatus == a.httpStatus
                && duration.equals(a.duration) && waitBefore.equals(a.waitBefore) && Objects.equals(timeout, a.timeout)
                && Objects.equals(cost, a.cost) && Objects.equals(abandonedJob, a.abandonedJob)
                && Objects.equals(resumedJob, a.resumedJob);
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, model, resolution, failure, httpStatus, duration, waitBefore, timeout, cost,
                abandonedJob, resumedJob);
    }

    @Override
    public String toString() {
        return "Attempt[" + summary() + (model == null ? "" : ", model=" + model)
                + (timeout == null ? "" : ", timeout=" + timeout.toMillis() + "ms")
                + (cost == null ? "" : ", cost=" + cost.toPlainString()) + "]";
    }

    /** Builds an {@link Attempt}; duration and wait default to zero, the cost to not known. */
    public static final class Builder {

        private final String provider;
        private final String model;
        private Resolution resolution;
        private FailureKind failure;
        private int httpStatus;
        private Duration duration = Duration.ZERO;
        private Duration waitBefore = Duration.ZERO;
        private Duration timeout;
        private BigDecimal cost;
        private String abandonedJob;
        private String resumedJob;

        private Builder(String provider, String model) {
            this.provider = provider;
            this.model = model;
        }

        /** The resolution asked; leave unset where resolution does not apply. */
        public Builder resolution(Resolution resolution) {
            this.resolution = resolution;
            return this;
        }

        /** The call failed with {@code kind}; {@code httpStatus} is {@code 0} when there was no HTTP answer. */
        public Builder failure(FailureKind kind, int httpStatus) {
            this.failure = kind;
            this.httpStatus = httpStatus;
            return this;
        }

        /** How long the call took. */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        /** How long the engine waited before the call. */
        public Builder waitBefore(Duration waitBefore) {
            this.waitBefore = waitBefore;
            return this;
        }

        /** How long the call was allowed. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** What the call cost (zero or more), or {@code null} when not known. */
        public Builder cost(BigDecimal cost) {
            this.cost = cost;
            return this;
        }

        /** The asynchronous job the attempt submitted and abandoned when its time ended. */
        public Builder abandonedJob(String jobId) {
            this.abandonedJob = jobId;
            return this;
        }

        /** The job an earlier run submitted, which this attempt fetched instead of submitting one. */
        public Builder resumedJob(String jobId) {
            this.resumedJob = jobId;
            return this;
        }

        public Attempt build() {
            return new Attempt(this);
        }
    }
}
