package dev.genairesilience.chain;

import dev.genairesilience.Resolution;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one provider charges ({@code genai.providers.<id>.price}), in the application's currency.
 *
 * @param perImage   the price of one delivered image, by resolution; a resolution absent has no known price
 * @param failedCall the price of a call that failed with an HTTP answer (zero: providers charge nothing for a call
 *                   that produced no image)
 */
public record ProviderPrice(Map<Resolution, BigDecimal> perImage, BigDecimal failedCall) {

    /** No known price per image; failed calls cost nothing. */
    public static final ProviderPrice UNKNOWN = new ProviderPrice(Map.of(), BigDecimal.ZERO);

    /**
     * @throws IllegalArgumentException when a price is negative
     */
    public ProviderPrice {
        Objects.requireNonNull(failedCall, "failedCall");
        notNegative("failed-call", failedCall);
        Map<Resolution, BigDecimal> copy = new EnumMap<>(Resolution.class);
        perImage.forEach((resolution, price) -> {
            Objects.requireNonNull(resolution, "resolution");
            Objects.requireNonNull(price, "price");
            notNegative(resolution.label(), price);
            copy.put(resolution, price);
        });
        perImage = Collections.unmodifiableMap(copy);
    }

    /** The price of one image delivered at {@code resolution}, or {@code null} when it is not known. */
    public BigDecimal image(Resolution resolution) {
        return resolution == null ? null : perImage.get(resolution);
    }

    private static void notNegative(String what, BigDecimal price) {
        if (price.signum() < 0) {
            throw new IllegalArgumentException("price " + what + ": " + price.toPlainString() + " is negative");
        }
    }
}
