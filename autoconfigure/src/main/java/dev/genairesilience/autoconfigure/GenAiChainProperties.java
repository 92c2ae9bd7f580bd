package dev.genairesilience.autoconfigure;

import dev.genairesilience.chain.BalanceBy;
import dev.genairesilience.chain.ChainDefinition.StepOrder;
import dev.genairesilience.chain.ContentBlockedAction;
import dev.genairesilience.chain.Preference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One chain under {@code genai.chains.<name>}. Resolutions are kept as written and parsed by
 * {@link GenAiConfigurationValidator}, so that a bad one is reported with its property path.
 */
public class GenAiChainProperties {

    /** Provider ids to try, in order of preference. */
    private List<String> providers = new ArrayList<>();

    /** The resolution asked for when a request does not say: 1K, 2K or 4K. */
    private String resolution = "1K";

    /** Lower resolutions to fall back to, highest first, such as [2K, 1K]; empty never degrades. */
    private List<String> degrade = new ArrayList<>();

    /** The aspect ratio asked for when a request does not say, as width:height such as 16:9. */
    private String aspectRatio = "1:1";

    /** How long a caller waits in all when the request does not say; no retry or server hint outlasts it. */
    private Duration deadline = Duration.ofSeconds(60);

    /** A provider id tried once when every step failed, whatever the deadline: typically an offline local provider. */
    private String lastResort;

    /**
     * PROVIDER_FIRST lowers the resolution on a provider before moving to the next one; RESOLUTION_FIRST tries
     * every provider at a resolution before lowering it.
     */
    private StepOrder order = StepOrder.PROVIDER_FIRST;

    /**
     * What happens when a provider's content policy refuses the prompt (Gemini IMAGE_SAFETY, OpenAI
     * moderation_blocked, ...): REJECT tells the caller (PromptBlockedException, 422 problem+json in a servlet app);
     * NEXT_PROVIDER asks the chain's next provider. Either way the refusing provider is not retried and its breaker
     * and retry budget do not count it.
     */
    private ContentBlockedAction onContentBlocked = ContentBlockedAction.REJECT;

    /**
     * How the chain trades the first provider against latency and calls: BALANCED retries a failing first provider
     * within max-attempts and its retry budget, then moves on; QUALITY stays on it as long as its share of the
     * deadline allows (no max-attempts cap, one retry per first attempt, a full lane waited for); LATENCY leaves it
     * at its first capacity answer when another provider can answer now.
     */
    private Preference prefer = Preference.BALANCED;

    /**
     * Whether identical requests in flight at the same moment (same chain, prompt, resolution and aspect ratio)
     * share one generation: each caller gets the image, marked shared, and a failure reaches all of them alike. A
     * shared generation runs within the first caller's deadline; a later caller whose own deadline ends first stops
     * waiting then.
     */
    private boolean coalesce;

    /**
     * Whether a provider's step starts at a lower rung of the degrade ladder while the asked resolution is failing
     * on that provider and the lower rung is succeeding (the image says degraded, and why); a small share of
     * requests still asks the asked resolution so that its recovery is noticed. Unset: true when the chain has a
     * degrade ladder. Never with prefer: quality, which always tries the asked resolution first.
     */
    private Boolean adaptiveResolution;

    /**
     * Equivalent providers of this chain (two keys or two regions of one model) that share its requests as one step,
     * each with its weight (at least 1), such as gemini-eu: 2, gemini-us: 1. Each request gets them at the place of
     * the first of them in providers: the one picked for it first, the others after it, standing in for it. At
     * least two of the chain's providers; empty: the providers are tried in their order.
     */
    private Map<String, Integer> balance = new LinkedHashMap<>();

    /**
     * How the balanced providers share the requests: WEIGHT in proportion to their weights, evenly interleaved;
     * LEAST_IN_FLIGHT to the one with the fewest calls in flight for its weight.
     */
    private BalanceBy balanceBy = BalanceBy.WEIGHT;

    public Map<String, Integer> getBalance() {
        return balance;
    }

    public void setBalance(Map<String, Integer> balance) {
        this.balance = balance;
    }

    public BalanceBy getBalanceBy() {
        return balanceBy;
    }

    public void setBalanceBy(BalanceBy balanceBy) {
        this.balanceBy = balanceBy;
    }

    public boolean isCoalesce() {
        return coalesce;
    }

    public void setCoalesce(boolean coalesce) {
        this.coalesce = coalesce;
    }

    public Boolean getAdaptiveResolution() {
        return adaptiveResolution;
    }

    public void setAdaptiveResolution(Boolean adaptiveResolution) {
        this.adaptiveResolution = adaptiveResolution;
    }

    public Preference getPrefer() {
        return prefer;
    }

    public void setPrefer(Preference prefer) {
        this.prefer = prefer;
    }

    public ContentBlockedAction getOnContentBlocked() {
        return onContentBlocked;
    }

    public void setOnContentBlocked(ContentBlockedAction onContentBlocked) {
        this.onContentBlocked = onContentBlocked;
    }

    public List<String> getProviders() {
        return providers;
    }

    public void setProviders(List<String> providers) {
        this.providers = providers;
    }

    public String getResolution() {
        return resolution;
    }

    public void setResolution(String resolution) {
        this.resolution = resolution;
    }

    public List<String> getDegrade() {
        return degrade;
    }

    public void setDegrade(List<String> degrade) {
        this.degrade = degrade;
    }

    public String getAspectRatio() {
        return aspectRatio;
    }

    public void setAspectRatio(String aspectRatio) {
        this.aspectRatio = aspectRatio;
    }

    public Duration getDeadline() {
        return deadline;
    }

    public void setDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    public String getLastResort() {
        return lastResort;
    }

    public void setLastResort(String lastResort) {
        this.lastResort = lastResort;
    }

    public StepOrder getOrder() {
        return order;
    }

    public void setOrder(StepOrder order) {
        this.order = order;
    }

    @Override
    public String toString() {
        return "Chain[providers=" + providers + ", resolution=" + resolution + ", degrade=" + degrade
                + ", aspectRatio=" + aspectRatio + ", deadline=" + deadline + ", lastResort=" + lastResort
                + ", order=" + order + ", onContentBlocked=" + onContentBlocked + ", prefer=" + prefer + ", coalesce="
                + coalesce + ", adaptiveResolution=" + adaptiveResolution + ", balance=" + balance + ", balanceBy="
                + balanceBy + "]";
    }
}
