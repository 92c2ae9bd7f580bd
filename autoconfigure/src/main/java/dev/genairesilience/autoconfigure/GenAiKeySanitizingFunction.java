package dev.genairesilience.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * The one rule for hiding the starter's credentials from {@code /actuator/env} and {@code /actuator/configprops},
 * which Boot applies even with {@code show-values=ALWAYS}: a value is masked when its name is a credential's name
 * under {@code genai.}, or when it holds a key the starter has bound.
 *
 * <p>A credential's name ends in key, token, secret, password or credentials, in each form the endpoints report it:
 * as written in a property source ({@code genai.providers.x.api-key}, {@code genai.providers.x.apiKey}), as an
 * environment variable ({@code GENAI_PROVIDERS_X_APIKEY}), as configprops qualifies a bean's field
 * ({@code genai.providers.x.apiKey}) or an input ({@code genai.providers.x.apikey}), and as a bracketed map key
 * ({@code genai.providers.x.options[api-token]}). The name alone misses where a key is also found under a name the
 * starter does not own: the {@code GEMINI_API_KEY} that {@code ${GEMINI_API_KEY}} reads, or a command line in
 * {@code sun.java.command}; so any value that contains a bound key is masked too. A very short key masks more than
 * it needs to, never less.
 */
final class GenAiKeySanitizingFunction implements SanitizingFunction {

    private static final Pattern CREDENTIAL_NAME = Pattern
            .compile("genai[._].*(keys?|token|secret|password|credentials)]?(\\[\\d+]|_\\d+_?)?",
                    Pattern.CASE_INSENSITIVE);

    private final Supplier<GenAiProperties> properties;

    /**
     * @param properties the bound {@code genai.*}, asked at each use so that a rebinding is seen; it answers
     *                   {@code null} when the engine is switched off
     */
    GenAiKeySanitizingFunction(Supplier<GenAiProperties> properties) {
        this.properties = properties;
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        if (isCredentialName(data.getKey()) || holdsBoundKey(data.getValue())) {
            return data.withSanitizedValue();
        }
        return data;
    }

    static boolean isCredentialName(String name) {
        return name != null && CREDENTIAL_NAME.matcher(name).matches();
    }

    private boolean holdsBoundKey(Object value) {
        if (!(value instanceof CharSequence text)) {
            return false;
        }
        String shown = text.toString();
        return boundKeys().stream().anyMatch(shown::contains);
    }

    private List<String> boundKeys() {
        GenAiProperties bound = properties.get();
        List<String> keys = new ArrayList<>();
        if (bound == null) {
            return keys;
        }
        bound.getProviders().forEach((id, provider) -> {
            keys.add(provider.getApiKey());
            keys.addAll(provider.getApiKeys());
            for (Map.Entry<String, String> option : provider.getOptions().entrySet()) {
                if (isCredentialName("genai.providers." + id + ".options." + option.getKey())) {
                    keys.add(option.getValue());
                }
            }
        });
        keys.removeIf(key -> key == null || key.isBlank());
        return keys;
    }
}
