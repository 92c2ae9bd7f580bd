package dev.genairesilience.provider.http;

import dev.genairesilience.spi.AccessTokenSource;
import dev.genairesilience.spi.ProviderSettings;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Finds a provider's {@link AccessTokenSource} bean, named by {@code genai.providers.<id>.options.token-source}, and
 * wraps it in the {@link AccessTokenCache} its calls read tokens from. A name that is no bean, or a bean of another
 * type, fails start-up naming the property and listing the application's {@code AccessTokenSource} beans.
 */
public final class AccessTokenSources {

    /** The option naming the {@code AccessTokenSource} bean. */
    public static final String OPTION = "token-source";

    private final ListableBeanFactory beans;
    private final Clock clock;

    /**
     * @param beans where the beans are looked up, when the providers are created
     * @param clock the engine's clock, which tokens' expiries are read against
     */
    public AccessTokenSources(ListableBeanFactory beans, Clock clock) {
        this.beans = Objects.requireNonNull(beans, "beans");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The tokens of the bean the option names, or {@code null} when the option is not set. */
    public AccessTokenCache named(ProviderSettings settings) {
        String name = settings.options().get(OPTION);
        if (name == null || name.isBlank()) {
            return null;
        }
        name = name.trim();
        if (!beans.containsBean(name)) {
            throw new IllegalArgumentException(property(settings) + ": no bean named '" + name
                    + "'; the application's AccessTokenSource beans are " + names());
        }
        if (!beans.isTypeMatch(name, AccessTokenSource.class)) {
            throw new IllegalArgumentException(property(settings) + ": bean '" + name + "' is a " + beans.getType(name)
                    + ", not a " + AccessTokenSource.class.getName());
        }
        return cache(settings, beans.getBean(name, AccessTokenSource.class));
    }

    /**
     * The tokens of the bean the option names; without the option, of the application's only
     * {@code AccessTokenSource} bean; {@code null} when there is none.
     *
     * @throws IllegalArgumentException naming the option when there are several and it names none
     */
    public AccessTokenCache namedOrOnly(ProviderSettings settings) {
        AccessTokenCache named = named(settings);
        if (named != null) {
            return named;
        }
        List<String> all = names();
        if (all.size() > 1) {
            throw new IllegalArgumentException(property(settings) + " is required when the application has several "
                    + "AccessTokenSource beans: name one of " + all);
        }
        return all.isEmpty() ? null : cache(settings, beans.getBean(all.get(0), AccessTokenSource.class));
    }

    /** The name of the property, for messages: {@code genai.providers.<id>.options.token-source}. */
    public static String property(ProviderSettings settings) {
        return "genai.providers." + settings.id() + ".options." + OPTION;
    }

    /** {@code source}'s tokens for the provider of {@code settings}, cached on the engine's clock. */
    public AccessTokenCache cache(ProviderSettings settings, AccessTokenSource source) {
        return AccessTokenCache.builder(settings.id(), source).clock(clock).build();
    }

    private List<String> names() {
        return Arrays.asList(beans.getBeanNamesForType(AccessTokenSource.class, true, false));
    }
}
