package dev.genairesilience.autoconfigure;

import dev.genairesilience.Resolution;
import dev.genairesilience.chain.ProviderPrice;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code genai.providers.<id>.price}: a price per image for each resolution key ({@code 1K}, {@code 2K},
 * {@code 4K}, any case) and {@code failed-call}, none of them negative.
 */
final class PriceProperties {

    /** The key of the price of a failed call. */
    static final String FAILED_CALL = "failed-call";

    private PriceProperties() {
    }

    /**
     * @param path         the property path, such as {@code genai.providers.pro.price}
     * @param price        the bound entries
     * @param freeOfCharge whether the provider's type costs nothing: a resolution without an entry then costs zero
     * @param problems     where each entry at fault is reported, with its path
     * @return the price, without the entries at fault
     */
    static ProviderPrice read(String path, Map<String, BigDecimal> price, boolean freeOfCharge,
            List<String> problems) {
        Map<Resolution, BigDecimal> perImage = new EnumMap<>(Resolution.class);
        BigDecimal failedCall = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> entry : price.entrySet()) {
            String entryPath = path + "." + entry.getKey();
            BigDecimal value = entry.getValue();
            if (value == null) {
                problems.add(entryPath + ": missing; a price is a number such as 0.039");
                continue;
            }
            if (value.signum() < 0) {
                problems.add(entryPath + ": " + value.toPlainString() + " must be zero or more");
                continue;
            }
            if (isFailedCall(entry.getKey())) {
                failedCall = value;
                continue;
            }
            Resolution resolution = resolution(entry.getKey());
            if (resolution == null) {
                problems.add(entryPath + ": unknown key '" + entry.getKey() + "'; expected 1K, 2K, 4K or "
                        + FAILED_CALL);
            } else if (perImage.putIfAbsent(resolution, value) != null) {
                problems.add(entryPath + ": " + resolution + " is priced twice");
            }
        }
        if (freeOfCharge) {
            for (Resolution resolution : Resolution.values()) {
                perImage.putIfAbsent(resolution, BigDecimal.ZERO);
            }
        }
        return new ProviderPrice(perImage, failedCall);
    }

    private static boolean isFailedCall(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT).equals("failedcall");
    }

    private static Resolution resolution(String key) {
        try {
            return Resolution.parse(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
