package dev.genairesilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to generate. Only the prompt is required; a {@code null} resolution, aspect ratio or
 * deadline means "the chain's default".
 *
 * <p>{@link #toString()} never shows the prompt: prompts are the application's data and stay
 * out of logs unless the application opts in.
 */
public final class ImageRequest {

    private final String prompt;
    private final Resolution resolution;
    private final String aspectRatio;
    private final Duration deadline;
    private final List<String> tags;
    private final boolean deferrable;

    private ImageRequest(Builder builder) {
        this.prompt = builder.prompt;
        this.resolution = builder.resolution;
        this.aspectRatio = builder.aspectRatio;
        this.deadline = builder.deadline;
        this.tags = List.copyOf(builder.tags);
        this.deferrable = builder.deferrable;
    }

    /** A request for {@code prompt} with every other setting taken from the chain. */
    public static ImageRequest of(String prompt) {
        return builder(prompt).build();
    }

    /** Starts a request for {@code prompt}. */
    public static Builder builder(String prompt) {
        return new Builder(prompt);
    }

    /** A builder holding this request's values, to change some of them. */
    public Builder toBuilder() {
        Builder builder = new Builder(prompt).resolution(resolution).aspectRatio(aspectRatio).deadline(deadline)
                .deferrable(deferrable);
        tags.forEach(builder::tag);
        return builder;
    }

    /** The text to draw. */
    public String prompt() {
        return prompt;
    }

    /** The wanted resolution, or {@code null} for the chain's. */
    public Resolution resolution() {
        return resolution;
    }

    /** The wanted aspect ratio such as {@code 16:9}, or {@code null} for the chain's ({@code 1:1} by default). */
    public String aspectRatio() {
        return aspectRatio;
    }

    /** How long the caller is prepared to wait in all, or {@code null} for the chain's deadline. */
    public Duration deadline() {
        return deadline;
    }

    /**
     * The request's tags, in the order they were added: when the caller names no chain, the first one with a route in
     * {@code genai.routing.tags} picks the chain.
     */
    public List<String> tags() {
        return tags;
    }

    /**
     * Whether the caller accepts a queued job instead of an image when the chain is in a peak window and defers
     * there ({@code genai.chains.<name>.peak.defer}); see {@link ImageGenerator#generateOrDefer(String, ImageRequest)}.
     */
    public boolean deferrable() {
        return deferrable;
    }

    @Override
    public String toString() {
        return "ImageRequest[prompt=<" + (prompt == null ? 0 : prompt.length()) + " chars>, resolution=" + resolution
                + ", aspectRatio=" + aspectRatio + ", deadline=" + deadline + (tags.isEmpty() ? "" : ", tags=" + tags)
                + (deferrable ? ", deferrable" : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageRequest r && Objects.equals(prompt, r.prompt) && resolution == r.resolution
                && Objects.equals(aspectRatio, r.aspectRatio) && Objects.equals(deadline, r.deadline)
                && tags.equals(r.tags) && deferrable == r.deferrable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(prompt, resolution, aspectRatio, deadline, tags, deferrable);
    }

    /** Builds an {@link ImageRequest}; values are checked by the engine, which names the bad field. */
    public static final class Builder {
        private final String prompt;
        private Resolution resolution;
        private String aspectRatio;
        private Duration deadline;
        private final List<String> tags = new ArrayList<>();
        private boolean deferrable;

        private Builder(String prompt) {
            this.prompt = prompt;
        }

        public Builder resolution(Resolution resolution) {
            this.resolution = resolution;
            return this;
        }

        /**
         * Parses {@code 1K}/{@code 2K}/{@code 4K}; {@code null} or blank keeps the chain's.
         *
         * @throws GenerationRejectedException naming the {@code resolution} field when the text is none of them
         */
        public Builder resolution(String resolution) {
            try {
                this.resolution = resolution == null || resolution.isBlank() ? null : Resolution.parse(resolution);
            } catch (IllegalArgumentException e) {
                throw new GenerationRejectedException("resolution", e.getMessage());
            }
            return this;
        }

        public Builder aspectRatio(String aspectRatio) {
            this.aspectRatio = aspectRatio == null || aspectRatio.isBlank() ? null : aspectRatio.trim();
            return this;
        }

        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        /**
         * Adds a tag, such as {@code photoreal}, that {@code genai.routing.tags} may route to a chain; a tag added
         * twice counts once.
         *
         * @throws GenerationRejectedException naming the {@code tag} field when it is null or blank
         */
        public Builder tag(String tag) {
            if (tag == null || tag.isBlank()) {
                throw new GenerationRejectedException("tag", "a tag must not be blank");
            }
            String trimmed = tag.trim();
            if (!tags.contains(trimmed)) {
                tags.add(trimmed);
            }
            return this;
        }

        /**
         * Whether the request may become a queued job instead of an image during a peak window of a chain with
         * {@code peak.defer: true} (default no); only {@link ImageGenerator#generateOrDefer(String, ImageRequest)}
         * defers it.
         */
        public Builder deferrable(boolean deferrable) {
            this.deferrable = deferrable;
            return this;
        }

        public ImageRequest build() {
            return new ImageRequest(this);
        }
    }
}
