package dev.genairesilience.chain;

import dev.genairesilience.Attempt;
import dev.genairesilience.Resolution;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What each provider charges, and so what each call costs: the rule behind {@link Attempt#cost()} and
 * {@code GeneratedImage.cost()}. A call that delivered costs its provider's price per image at its resolution
 * ({@code null} when there is none); a call that failed with an HTTP answer costs the provider's
 * {@code failed-call} price (zero unless configured); a call without an answer (a timeout, a refused connection)
 * costs nothing.
 */
public final class PriceList {

    /** No provider has a price: deliveries cost what is not known, failures nothing. */
    public static final PriceList NONE = new PriceList(Map.of());

    private final Map<String, ProviderPrice> byProvider;

    private PriceList(Map<String, ProviderPrice> byProvider) {
        this.byProvider = Map.copyOf(byProvider);
    }

    /** @param byProvider each priced provider's price, by provider id; the others have none */
    public static PriceList of(Map<String, ProviderPrice> byProvider) {
        return new PriceList(byProvider);
    }

    /** The price of {@code provider}, {@link ProviderPrice#UNKNOWN} when it has none. */
    public ProviderPrice price(String provider) {
        return byProvider.getOrDefault(provider, ProviderPrice.UNKNOWN);
    }

    /** What a call of {@code provider} that delivered at {@code resolution} cost, or {@code null} if not known. */
    public BigDecimal delivered(String provider, Resolution resolution) {
        return price(provider).image(resolution);
    }

    /** What a failed call of {@code provider} cost; {@code httpStatus} is {@code 0} when there was no HTTP answer. */
    public BigDecimal failed(String provider, int httpStatus) {
        return httpStatus > 0 ? price(provider).failedCall() : BigDecimal.ZERO;
    }

    /**
     * What a result cost: the sum of its attempts' costs, or {@code null} when one of them is not known (the
     * delivering provider has no price for the resolution it delivered).
     */
    public static BigDecimal total(List<Attempt> attempts) {
        return sum(attempts.stream().map(Attempt::cost).toList());
    }

    /** The sum of these costs, or {@code null} when one of them is {@code null} (not known). */
    public static BigDecimal sum(Collection<BigDecimal> costs) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal cost : costs) {
            if (cost == null) {
                return null;
            }
            total = total.add(cost);
        }
        return total;
    }

    @Override
    public String toString() {
        return "PriceList" + byProvider;
    }
}
