package dev.genairesilience.autoconfigure;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One provider under {@code genai.providers.<id>}: one model at one API. {@link #toString()} never shows the
 * API key.
 */
public class GenAiProviderProperties {

    /** The timeout of one call when {@code timeout} is not set. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * The API this provider talks to: gemini, vertex-ai, openai, azure-openai, huggingface, stability, bfl, fal,
     * replicate, local, or the type of an application's own ImageProviderFactory bean.
     */
    private String type;

    /** The model id at that API, such as gemini-2.5-flash-image or stabilityai/stable-diffusion-xl-base-1.0. */
    private String model;

    /** The API key or token. A provider whose type needs one and has none is left out of its chains, with a warning. */
    private String apiKey;

    /**
     * Several API keys of the same model, instead of api-key: each key gets a lane of its own (<id>#1, <id>#2, ...),
     * so that a 429 that spends one key's quota holds that key only and the others keep serving; a key the provider
     * refuses (401, 403) is taken out with one warning giving its position. max-concurrency and requests-per-minute
     * apply to each key; the circuit breaker is the provider's.
     */
    private List<String> apiKeys = new ArrayList<>();

    /**
     * The API's base URL, for gateways, proxies and OpenAI-compatible servers; unset for the type's public endpoint.
     */
    private URI baseUrl;

    /** The longest one call may take; each attempt gets the smaller of this and the time left before the deadline. */
    private Duration timeout = DEFAULT_TIMEOUT;

    /**
     * Hugging Face: ask the server to hold a call to a cold model until it is loaded, instead of answering 503
     * loading.
     */
    private boolean waitForModel;

    /**
     * Further settings the provider type understands, passed on as they are: resolutions and aspect-ratios for every
     * type; vertex-ai: project, location (both required) and token-source (the AccessTokenSource bean); azure-openai:
     * api-version, base-model and token-source (Entra bearer tokens instead of the key).
     */
    private Map<String, String> options = new LinkedHashMap<>();

    /**
     * How often to probe this provider with a call that costs nothing (the model's metadata), apart from requests;
     * unset for never. A failing probe keeps an open circuit breaker open, a passing one lets it half-open. Types
     * without a free call (huggingface, local) are not probed.
     */
    private Duration probeInterval;

    /**
     * The most calls this provider may have in flight at once; unset for no maximum. Below it the engine learns the
     * provider's real capacity: its first capacity answer (503 overloaded, 529) sets the limit to nine tenths of the
     * most calls it has had in flight, each later one takes a tenth off, and calls that deliver let it grow again. A
     * request that finds the provider at its limit goes to the next provider without a call, or waits for room within
     * its deadline when there is none.
     */
    private Integer maxConcurrency;

    /**
     * The most calls this provider may start per minute, spread evenly (one every 60s/N, never a burst), so that a
     * quota the application knows (Gemini Tier 1: 150 requests per minute, say) is never exceeded; a request that
     * finds it spent goes to the next provider, or waits within its deadline. Unset: no limit.
     */
    private Integer requestsPerMinute;

    /**
     * What this provider charges, in the application's currency: per delivered image by resolution ({@code 1K},
     * {@code 2K}, {@code 4K}), and {@code failed-call} for a call that fails with an HTTP answer (default 0:
     * providers charge nothing for a call that produced no image). Each image's {@code cost()} and the
     * {@code genai.cost} meter come from it; an image delivered at a resolution without a price has no known cost.
     * A {@code local} provider costs 0 unless priced here.
     */
    private Map<String, BigDecimal> price = new LinkedHashMap<>();

    public Map<String, BigDecimal> getPrice() {
        return price;
    }

    public void setPrice(Map<String, BigDecimal> price) {
        this.price = price;
    }

    public Integer getRequestsPerMinute() {
        return requestsPerMinute;
    }

    public void setRequestsPerMinute(Integer requestsPerMinute) {
        this.requestsPerMinute = requestsPerMinute;
    }

    public Integer getMaxConcurrency() {
        return maxConcurrency;
    }

    public void setMaxConcurrency(Integer maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public List<String> getApiKeys() {
        return apiKeys;
    }

    public void setApiKeys(List<String> apiKeys) {
        this.apiKeys = apiKeys;
    }

    public URI getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public boolean isWaitForModel() {
        return waitForModel;
    }

    public void setWaitForModel(boolean waitForModel) {
        this.waitForModel = waitForModel;
    }

    public Map<String, String> getOptions() {
        return options;
    }

    public void setOptions(Map<String, String> options) {
        this.options = options;
    }

    public Duration getProbeInterval() {
        return probeInterval;
    }

    public void setProbeInterval(Duration probeInterval) {
        this.probeInterval = probeInterval;
    }

    /** Whether an API key was given (in api-key or api-keys). */
    public boolean hasApiKey() {
        return apiKey != null && !apiKey.isBlank() || !apiKeys.isEmpty();
    }

    @Override
    public String toString() {
        return "Provider[type=" + type + ", model=" + model + ", apiKey=" + (hasApiKey() ? "<set>" : "<none>")
                + (apiKeys.isEmpty() ? "" : ", apiKeys=<" + apiKeys.size() + " keys>")
                + ", baseUrl=" + baseUrl + ", timeout=" + timeout + ", waitForModel=" + waitForModel + ", options="
                + options.keySet() + ", probeInterval=" + probeInterval + ", maxConcurrency=" + maxConcurrency
                + ", requestsPerMinute=" + requestsPerMinute + ", price=" + price + "]";
    }
}
