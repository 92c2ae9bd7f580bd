package dev.genairesilience.provider.http;

import dev.genairesilience.Resolution;
import dev.genairesilience.spi.AspectRatio;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderSettings;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The options every provider type understands under {@code genai.providers.<id>.options}, to correct what
 * the adapter assumes about a model (a newer model, or one behind an OpenAI-compatible gateway):
 * <ul>
 *   <li>{@code resolutions}: a comma list such as {@code 1K,2K};</li>
 *   <li>{@code aspect-ratios}: a comma list such as {@code 1:1,16:9}, or {@code *} for any.</li>
 * </ul>
 * A bad value fails start-up with a message naming the property.
 */
public final class ProviderOptions {

    /** The option naming the resolutions a model serves. */
    public static final String RESOLUTIONS = "resolutions";

    /** The option naming the aspect ratios a model accepts. */
    public static final String ASPECT_RATIOS = "aspect-ratios";

    private ProviderOptions() {
    }

    /**
     * The configured model id.
     *
     * @throws IllegalArgumentException naming the property when none is configured
     */
    public static String requireModel(ProviderSettings settings) {
        if (settings.model() == null || settings.model().isBlank()) {
            throw new IllegalArgumentException("genai.providers." + settings.id() + ".model is required for type "
                    + settings.type());
        }
        return settings.model().trim();
    }

    /**
     * What a provider of a type whose models can draw {@code resolutions} at {@code aspectRatios} (empty: any) serves:
     * those, or what its {@code resolutions} and {@code aspect-ratios} options say instead.
     */
    public static ProviderCapabilities capabilities(ProviderSettings settings, Set<Resolution> resolutions,
            Set<String> aspectRatios) {
        return new ProviderCapabilities(resolutions(settings, resolutions), aspectRatios(settings, aspectRatios),
                false);
    }

    /** The {@code resolutions} option, or {@code defaults} when it is not set. */
    public static Set<Resolution> resolutions(ProviderSettings settings, Set<Resolution> defaults) {
        String value = settings.options().get(RESOLUTIONS);
        if (value == null || value.isBlank()) {
            return defaults;
        }
        Set<Resolution> resolutions = EnumSet.noneOf(Resolution.class);
        for (String item : value.split(",")) {
            try {
                resolutions.add(Resolution.parse(item));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(property(settings, RESOLUTIONS) + ": " + e.getMessage(), e);
            }
        }
        return resolutions;
    }

    /** The {@code aspect-ratios} option ({@code *} giving the empty set, meaning any), or {@code defaults}. */
    public static Set<String> aspectRatios(ProviderSettings settings, Set<String> defaults) {
        String value = settings.options().get(ASPECT_RATIOS);
        if (value == null || value.isBlank()) {
            return defaults;
        }
        if (value.trim().equals("*")) {
            return Set.of();
        }
        Set<String> ratios = new LinkedHashSet<>();
        for (String item : value.split(",")) {
            if (!AspectRatio.isValid(item)) {
                throw new IllegalArgumentException(property(settings, ASPECT_RATIOS) + ": '" + item.trim()
                        + "' is not an aspect ratio of the form W:H, such as 16:9");
            }
            ratios.add(item.trim());
        }
        return ratios;
    }

    private static String property(ProviderSettings settings, String option) {
        return "genai.providers." + settings.id() + ".options." + option;
    }
}
