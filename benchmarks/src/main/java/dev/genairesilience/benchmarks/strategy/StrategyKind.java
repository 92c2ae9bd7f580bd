package dev.genairesilience.benchmarks.strategy;

import dev.genairesilience.benchmarks.TimeScale;

/** The strategies compared, in the order of the results table. */
public enum StrategyKind {
    NONE("none", NoRetryStrategy::new),
    SEED_RECIPE("seed-recipe", SeedRecipeStrategy::new),
    SPRING_AI_RETRY("spring-ai-retry", SpringAiRetryStrategy::new),
    GENAI_RESILIENCE("genai-resilience", GenAiResilienceStrategy::balanced),
    GENAI_RESILIENCE_QUALITY("genai-resilience (quality)", GenAiResilienceStrategy::quality);

    private final String label;
    private final Creator creator;

    StrategyKind(String label, Creator creator) {
        this.label = label;
        this.creator = creator;
    }

    /** The name in the results table. */
    public String label() {
        return label;
    }

    /** A fresh strategy (no breaker state, no budget spent) over {@code lineup}, asking as {@code ask} says. */
    public Strategy create(ProviderLineup lineup, ImageAsk ask, TimeScale scale) {
        return creator.create(lineup, ask, scale);
    }

    @FunctionalInterface
    private interface Creator {
        Strategy create(ProviderLineup lineup, ImageAsk ask, TimeScale scale);
    }
}
