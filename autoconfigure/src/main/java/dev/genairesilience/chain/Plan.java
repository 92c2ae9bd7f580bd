package dev.genairesilience.chain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one execution tries, in order, within one deadline. Built with {@link #builder(String, Duration)};
 * {@link #toString()} never shows the prompt.
 *
 * @param <T> what the steps produce
 */
public final class Plan<T> {

    private final String name;
    private final List<Step<T>> steps;
    private final Step<T> lastResort;
    private final Duration deadline;
    private final String aspectRatio;
    private final String prompt;
    private final ContentBlockedAction onContentBlocked;
    private final Preference preference;
    private final Map<Step<T>, String> passedOver;
    private final Map<Step<T>, String> triedOnce;

    private Plan(Builder<T> b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.steps = List.copyOf(b.steps);
        this.lastResort = b.lastResort;
        this.deadline = Objects.requireNonNull(b.deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("Plan deadline must be positive, was " + deadline);
        }
        this.aspectRatio = b.aspectRatio;
        this.prompt = b.prompt;
        this.onContentBlocked = Objects.requireNonNull(b.onContentBlocked, "onContentBlocked");
        this.preference = Objects.requireNonNull(b.preference, "preference");
        this.passedOver = new IdentityHashMap<>(b.passedOver);
        this.triedOnce = new IdentityHashMap<>(b.triedOnce);
    }

    /**
     * @param name     the chain (or method) name, for messages and {@code GenerationUnavailableException#chain()}
     * @param deadline how long the whole execution may take, sleeps included (the last resort aside)
     */
    public static <T> Builder<T> builder(String name, Duration deadline) {
        return new Builder<>(name, deadline);
    }

    /** The chain (or method) name. */
    public String name() {
        return name;
    }

    /** The steps, best first; the first one is what the caller asked for. */
    public List<Step<T>> steps() {
        return steps;
    }

    /**
     * Why {@code step} is passed over without a call (its resolution is failing on its provider while a lower rung
     * of the ladder delivers), or empty when it is to be tried.
     */
    public Optional<String> passedOver(Step<T> step) {
        return Optional.ofNullable(passedOver.get(step));
    }

    /**
     * Why {@code step} gets one attempt and no retry (its resolution is failing on its provider, and this request is
     * the one that finds out whether it is back), or empty when it is retried as usual.
     */
    public Optional<String> triedOnce(Step<T> step) {
        return Optional.ofNullable(triedOnce.get(step));
    }

    /** An offline stand-in called once when every step failed, even past the deadline, or {@code null}. */
    public Step<T> lastResort() {
        return lastResort;
    }

    /** How long the whole execution may take. */
    public Duration deadline() {
        return deadline;
    }

    /** The aspect ratio handed to every {@code ModelAttempt}, or {@code null}. */
    public String aspectRatio() {
        return aspectRatio;
    }

    /** The prompt, for an {@link ExecutionListener} the application allowed to log it, or {@code null}. */
    public String prompt() {
        return prompt;
    }

    /** What happens when a provider's content policy refuses the prompt. */
    public ContentBlockedAction onContentBlocked() {
        return onContentBlocked;
    }

    /** How much the plan holds on to its first provider. */
    public Preference preference() {
        return preference;
    }

    /**
     * Whether a result of {@code step} is less than what the plan asked first: the last resort, a stand-in,
     * another provider than the first step's, or a lower resolution than the first step's.
     */
    public boolean degraded(Step<T> step) {
        if (step == lastResort || step.alwaysDegraded() || steps.isEmpty()) {
            return true;
        }
        Step<T> first = steps.get(0);
        boolean lowerResolution = step.resolution() != null && first.resolution() != null
                && step.resolution().compareTo(first.resolution()) < 0;
        return lowerResolution || !step.provider().equals(first.provider());
    }

    @Override
    public String toString() {
        return "Plan[name=" + name + ", steps=" + steps.size() + ", lastResort="
                + (lastResort == null ? null : lastResort.label()) + ", deadline=" + deadline + ", aspectRatio="
                + aspectRatio + ", prompt=" + (prompt == null ? null : "<" + prompt.length() + " chars>")
                + ", onContentBlocked=" + onContentBlocked + ", preference=" + preference + "]";
    }

    /** Builds a {@link Plan}; balanced, and a content-policy block rejects the request, unless told otherwise. */
    public static final class Builder<T> {

        private final String name;
        private final Duration deadline;
        private final List<Step<T>> steps = new ArrayList<>();
        private Step<T> lastResort;
        private String aspectRatio;
        private String prompt;
        private ContentBlockedAction onContentBlocked = ContentBlockedAction.REJECT;
        private Preference preference = Preference.BALANCED;
        private final Map<Step<T>, String> passedOver = new IdentityHashMap<>();
        private final Map<Step<T>, String> triedOnce = new IdentityHashMap<>();

        private Builder(String name, Duration deadline) {
            this.name = name;
            this.deadline = deadline;
        }

        /** Adds steps, in the order they are tried. */
        public Builder<T> steps(List<Step<T>> more) {
            steps.addAll(more);
            return this;
        }

        /** Adds one step, tried after those added before. */
        public Builder<T> step(Step<T> step) {
            steps.add(step);
            return this;
        }

        public Builder<T> lastResort(Step<T> lastResort) {
            this.lastResort = lastResort;
            return this;
        }

        public Builder<T> aspectRatio(String aspectRatio) {
            this.aspectRatio = aspectRatio;
            return this;
        }

        public Builder<T> prompt(String prompt) {
            this.prompt = prompt;
            return this;
        }

        public Builder<T> onContentBlocked(ContentBlockedAction onContentBlocked) {
            this.onContentBlocked = onContentBlocked;
            return this;
        }

        public Builder<T> preference(Preference preference) {
            this.preference = preference;
            return this;
        }

        /**
         * Passes {@code step} (one of the plan's steps) over without a call, because its resolution is failing on
         * its provider; {@code why} goes into the attempt trail. It still counts as what the caller asked for when
         * deciding whether the image is degraded.
         */
        public Builder<T> passOver(Step<T> step, String why) {
            passedOver.put(Objects.requireNonNull(step, "step"), Objects.requireNonNull(why, "why"));
            return this;
        }

        /**
         * Gives {@code step} (one of the plan's steps) one attempt and no retry, because its resolution is failing
         * on its provider: a failure moves on to the next rung at once.
         */
        public Builder<T> tryOnce(Step<T> step, String why) {
            triedOnce.put(Objects.requireNonNull(step, "step"), Objects.requireNonNull(why, "why"));
            return this;
        }

        public Plan<T> build() {
            return new Plan<>(this);
        }
    }
}
