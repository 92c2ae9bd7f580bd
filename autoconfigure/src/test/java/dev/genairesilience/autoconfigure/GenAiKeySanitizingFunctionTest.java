package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.actuate.endpoint.SanitizableData;

class GenAiKeySanitizingFunctionTest {

    private static final String KEY = "sk-bound-key-0c4d";
    private static final String OPTION_TOKEN = "tok-bound-option-93ab";
    private static final String FIRST_OF_KEYS = "key-one-of-several-5e1f";
    private static final String SECOND_OF_KEYS = "key-two-of-several-8a2c";

    private final GenAiKeySanitizingFunction function =
            new GenAiKeySanitizingFunction(GenAiKeySanitizingFunctionTest::bound);

    @ParameterizedTest(name = "{0} masked: {1}")
    @CsvSource({
            // as a property source writes them
            "genai.providers.x.api-key,                     true",
            "genai.providers.x.apiKey,                      true",
            "genai.providers[x].api-key,                    true",
            "genai.providers.x.options.token,               true",
            "genai.providers.x.options.accessToken,         true",
            "genai.providers.x.options[api-token],          true",
            "genai.providers.x.options.client-secret,       true",
            "genai.providers.x.options.password,            true",
            "genai.providers.x.options.credentials,         true",
            "genai.providers.x.api-keys[0],                 true",
            "genai.providers.x.apiKeys[1],                  true",
            "GENAI_PROVIDERS_X_APIKEYS_0,                   true",
            // as the environment holds them
            "GENAI_PROVIDERS_X_APIKEY,                      true",
            "GENAI_PROVIDERS_X_API_KEY,                     true",
            "GENAI_PROVIDERS_X_OPTIONS_SECRET,              true",
            // as configprops qualifies an input
            "genai.providers.x.apikey,                      true",
            // what is not a credential, or not the starter's
            "genai.providers.x.model,                       false",
            "genai.providers.x.base-url,                    false",
            "genai.providers.turkey.model,                  false",
            "genai.warmup.keep-alive,                       false",
            "genai.retry.max-attempts,                      false",
            "GENAI_PROVIDERS_X_MODEL,                       false",
            "genaix.api-key,                                false",
            "spring.ai.openai.api-key,                      false" })
    void masksExactlyTheStartersCredentialNames(String name, boolean masked) {
        assertThat(function.apply(data(name, "some value")).getValue())
                .isEqualTo(masked ? SanitizableData.SANITIZED_VALUE : "some value");
    }

    @Test
    void masksAnyValueThatHoldsABoundKeyWhateverItsName() {
        assertThat(function.apply(data("GEMINI_API_KEY", KEY)).getValue()).isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(function.apply(data("sun.java.command", "app.jar --genai.providers.x.api-key=" + KEY)).getValue())
                .isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(function.apply(data("HF_TOKEN_COPY", OPTION_TOKEN)).getValue())
                .isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(function.apply(data("GEMINI_KEYS", FIRST_OF_KEYS + "," + SECOND_OF_KEYS)).getValue())
                .isEqualTo(SanitizableData.SANITIZED_VALUE);
    }

    @Test
    void keepsValuesThatHoldNoBoundKeyAndValuesThatAreNotText() {
        assertThat(function.apply(data("GEMINI_MODEL", "gemini-2.5-flash-image")).getValue())
                .isEqualTo("gemini-2.5-flash-image");
        assertThat(function.apply(data("server.port", 8080)).getValue()).isEqualTo(8080);
    }

    @Test
    void anOptionThatIsNoCredentialAndABlankKeyMaskNothing() {
        GenAiKeySanitizingFunction blank = new GenAiKeySanitizingFunction(() -> {
            GenAiProperties properties = bound();
            properties.getProviders().get("x").setApiKey(" ");
            return properties;
        });

        assertThat(blank.apply(data("GREETING", "a b c")).getValue()).isEqualTo("a b c");
        assertThat(function.apply(data("STYLE", "vivid")).getValue()).isEqualTo("vivid");
    }

    @Test
    void withTheEngineOffTheNamesAreStillMasked() {
        GenAiKeySanitizingFunction engineOff = new GenAiKeySanitizingFunction(() -> null);

        assertThat(engineOff.apply(data("genai.providers.x.api-key", KEY)).getValue())
                .isEqualTo(SanitizableData.SANITIZED_VALUE);
        assertThat(engineOff.apply(data("GEMINI_MODEL", "gemini-2.5-flash-image")).getValue())
                .isEqualTo("gemini-2.5-flash-image");
    }

    private static GenAiProperties bound() {
        GenAiProviderProperties provider = new GenAiProviderProperties();
        provider.setType("openai");
        provider.setApiKey(KEY);
        provider.getOptions().put("access-token", OPTION_TOKEN);
        provider.getOptions().put("style", "vivid");
        GenAiProviderProperties keyed = new GenAiProviderProperties();
        keyed.setType("gemini");
        keyed.setApiKeys(List.of(FIRST_OF_KEYS, SECOND_OF_KEYS));
        GenAiProperties properties = new GenAiProperties();
        properties.getProviders().put("x", provider);
        properties.getProviders().put("y", keyed);
        return properties;
    }

    private static SanitizableData data(String key, Object value) {
        return new SanitizableData(null, key, value);
    }
}
