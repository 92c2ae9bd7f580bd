package dev.genairesilience.chain;

import dev.genairesilience.Resolution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * A configured chain: which providers to try, at which resolutions, within which deadline, and what a content-policy
 * block does. Built with {@link #builder(String)}.
 */
public final class ChainDefinition {

    private final String name;
    private final List<String> providers;
    private final Resolution resolution;
    private final List<Resolution> degrade;
    private final String aspectRatio;
    private final Duration deadline;
    private final String lastResort;
    private final StepOrder order;
    private final ContentBlockedAction onContentBlocked;
    private final Preference preference;
    private final boolean coalesce;
    private final Boolean adaptiveResolution;
    private final Map<String, Integer> balance;
    private final BalanceBy balanceBy;

    private ChainDefinition(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.providers = List.copyOf(b.providers);
        this.resolution = b.resolution;
        this.degrade = List.copyOf(b.degrade);
        this.aspectRatio = b.aspectRatio;
        this.deadline = b.deadline;
        this.lastResort = b.lastResort;
        this.order = Objects.requireNonNull(b.order, "order");
        this.onContentBlocked = Objects.requireNonNull(b.onContentBlocked, "onContentBlocked");
        this.preference = Objects.requireNonNull(b.preference, "preference");
        this.coalesce = b.coalesce;
        this.adaptiveResolution = b.adaptiveResolution;
        this.balance = Collections.unmodifiableMap(new LinkedHashMap<>(b.balance));
        this.balanceBy = Objects.requireNonNull(b.balanceBy, "balanceBy");
    }

    /** A chain named {@code name} (the key under {@code genai.chains}), provider-first, rejecting blocked prompts. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** The key under {@code genai.chains}. */
    public String name() {
        return name;
    }

    /** Provider ids, in order of preference (those left out at start-up are already gone). */
    public List<String> providers() {
        return providers;
    }

    /** The resolution asked for when the request does not say. */
    public Resolution resolution() {
        return resolution;
    }

    /** Lower resolutions to fall back to, in order, such as {@code [2K, 1K]}. */
    public List<Resolution> degrade() {
        return degrade;
    }

    /** The aspect ratio asked for when the request does not say. */
    public String aspectRatio() {
        return aspectRatio;
    }

    /** How long a caller waits in all when the request does not say. */
    public Duration deadline() {
        return deadline;
    }

    /** A provider id tried when every step failed, whatever the deadline, or {@code null}. */
    public String lastResort() {
        return lastResort;
    }

    /** Whether to degrade on a provider before moving on, or try every provider first. */
    public StepOrder order() {
        return order;
    }

    /** What a provider's content-policy block does: reject the request, or ask the next provider. */
    public ContentBlockedAction onContentBlocked() {
        return onContentBlocked;
    }

    /** How much the chain holds on to its first provider ({@code genai.chains.<name>.prefer}). */
    public Preference preference() {
        return preference;
    }

    /** Whether identical requests in flight at the same moment share one generation. */
    public boolean coalesce() {
        return coalesce;
    }

    /**
     * Whether a provider's step may start at a lower rung of the degrade ladder while the asked resolution is
     * failing there: as set, else {@code true} when the chain has a ladder (the user's consent to lower rungs).
     * Never under {@link Preference#QUALITY}, which always tries the asked resolution first.
     */
    public boolean adaptiveResolution() {
        if (preference == Preference.QUALITY || degrade.isEmpty()) {
            return false;
        }
        return adaptiveResolution == null || adaptiveResolution;
    }

    /**
     * The chain's balanced providers and their weights ({@code genai.chains.<name>.balance}): equivalent providers
     * that share its requests as one step; empty when there are none.
     */
    public Map<String, Integer> balance() {
        return balance;
    }

    /** How the balanced providers share the requests. */
    public BalanceBy balanceBy() {
        return balanceBy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChainDefinition c && name.equals(c.name) && providers.equals(c.providers)
                && resolution == c.resolution && degrade.equals(c.degrade) && Objects.equals(aspectRatio, c.aspectRatio)
                && Objects.equals(deadline, c.deadline) && Objects.equals(lastResort, c.lastResort) && order == c.order
                && onContentBlocked == c.onContentBlocked && preference == c.preference && coalesce == c.coalesce
                && Objects.equals(adaptiveResolution, c.adaptiveResolution) && balance.equals(c.balance)
                && balanceBy == c.balanceBy;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, providers, resolution, degrade, aspectRatio, deadline, lastResort, order,
                onContentBlocked, preference, coalesce, adaptiveResolution, balance, balanceBy);
    }

    @Override
    public String toString() {
        return "ChainDefinition[name=" + name + ", providers=" + providers + ", resolution=" + resolution
                + ", degrade=" + degrade + ", aspectRatio=" + aspectRatio + ", deadline=" + deadline + ", lastResort="
                + lastResort + ", order=" + order + ", onContentBlocked=" + onContentBlocked + ", preference="
                + preference + ", coalesce=" + coalesce + ", adaptiveResolution=" + adaptiveResolution() + (balance.isEmpty() ? ""
                : ", balance=" + balance + " by " + balanceBy) + "]";
    }

    /**
     * The one wording for a chain name nobody configured, used wherever a name is looked up (a request, an
     * annotation, {@code genai.default-chain}): {@code unknown chain 'x'; configured chains: [a, b]}.
     */
    public static String unknownChainMessage(String name, Collection<String> configured) {
        return "unknown chain '" + name + "'; configured chains: " + new TreeSet<>(configured);
    }

    /** The resolutions to try for a request asking {@code asked}: it, then the lower degrade entries in order. */
    public List<Resolution> resolutionsFrom(Resolution asked) {
        List<Resolution> resolutions = new ArrayList<>(List.of(asked));
        for (Resolution lower : degrade) {
            if (lower.compareTo(asked) < 0 && !resolutions.contains(lower)) {
                resolutions.add(lower);
            }
        }
        return resolutions;
    }

    /** The order in which a chain's provider × resolution steps are tried. */
    public enum StepOrder {
        /** pro@4K, pro@2K, pro@1K, flash@4K, …: keep a provider, lower the resolution, then move on. */
        PROVIDER_FIRST,
        /** pro@4K, flash@4K, pro@2K, flash@2K, …: keep the resolution as long as any provider has it. */
        RESOLUTION_FIRST;

        /** Visits every provider × resolution pair in this order. */
        public <P> void forEachStep(List<P> providers, List<Resolution> resolutions, BiConsumer<P, Resolution> step) {
            if (this == RESOLUTION_FIRST) {
                resolutions.forEach(resolution -> providers.forEach(provider -> step.accept(provider, resolution)));
            } else {
                providers.forEach(provider -> resolutions.forEach(resolution -> step.accept(provider, resolution)));
            }
        }
    }

    /** Builds a {@link ChainDefinition}. */
    public static final class Builder {

        private final String name;
        private List<String> providers = List.of();
        private Resolution resolution;
        private List<Resolution> degrade = List.of();
        private String aspectRatio;
        private Duration deadline;
        private String lastResort;
        private StepOrder order = StepOrder.PROVIDER_FIRST;
        private ContentBlockedAction onContentBlocked = ContentBlockedAction.REJECT;
        private Preference preference = Preference.BALANCED;
        private boolean coalesce;
        private Boolean adaptiveResolution;
        private Map<String, Integer> balance = Map.of();
        private BalanceBy balanceBy = BalanceBy.WEIGHT;

        private Builder(String name) {
            this.name = name;
        }

        public Builder providers(List<String> providers) {
            this.providers = providers;
            return this;
        }

        public Builder resolution(Resolution resolution) {
            this.resolution = resolution;
            return this;
        }

        public Builder degrade(List<Resolution> degrade) {
            this.degrade = degrade;
            return this;
        }

        public Builder aspectRatio(String aspectRatio) {
            this.aspectRatio = aspectRatio;
            return this;
        }

        public Builder deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        public Builder lastResort(String lastResort) {
            this.lastResort = lastResort;
            return this;
        }

        public Builder order(StepOrder order) {
            this.order = order;
            return this;
        }

        public Builder onContentBlocked(ContentBlockedAction onContentBlocked) {
            this.onContentBlocked = onContentBlocked;
            return this;
        }

        public Builder preference(Preference preference) {
            this.preference = preference;
            return this;
        }

        /** Whether identical requests in flight at the same moment share one generation (default no). */
        public Builder coalesce(boolean coalesce) {
            this.coalesce = coalesce;
            return this;
        }

        /** Whether steps may start lower on the degrade ladder; {@code null}: yes when there is a ladder. */
        public Builder adaptiveResolution(Boolean adaptiveResolution) {
            this.adaptiveResolution = adaptiveResolution;
            return this;
        }

        /** The balanced providers and their weights (each at least 1), in the chain's order; empty for none. */
        public Builder balance(Map<String, Integer> balance) {
            this.balance = balance;
            return this;
        }

        /** How the balanced providers share the requests (default by weight). */
        public Builder balanceBy(BalanceBy balanceBy) {
            this.balanceBy = balanceBy;
            return this;
        }

        public ChainDefinition build() {
            return new ChainDefinition(this);
        }
    }
}
