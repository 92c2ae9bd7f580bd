package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genairesilience.Resolution;
import dev.genairesilience.chain.BalanceBy;
import dev.genairesilience.chain.ChainDefinition.StepOrder;
import dev.genairesilience.chain.ContentBlockedAction;
import dev.genairesilience.chain.Preference;
import dev.genairesilience.spi.ImageProviderFactory;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;

/**
 * The IDE help as built: {@code META-INF/spring-configuration-metadata.json}, the configuration processor's output
 * merged with {@code additional-spring-configuration-metadata.json}, and the auto-configuration processor's
 * {@code META-INF/spring-autoconfigure-metadata.properties}. Each expectation is read from the code, so that a new
 * key, provider type or enum constant without its metadata fails here.
 */
class ConfigurationMetadataHintsTest {

    private static final JsonNode METADATA = builtMetadata();

    @Test
    void theProvidersMapDescriptionNamesEveryKeyOfAProvider() {
        String text = description("genai.providers");
        assertThat(keysOf(GenAiProviderProperties.class)).contains("type", "api-keys", "price")
                .allSatisfy(key -> assertThat(mentions(text, key)).as(key).isTrue());
    }

    @Test
    void theChainsMapDescriptionNamesEveryKeyOfAChain() {
        String text = description("genai.chains");
        assertThat(keysOf(GenAiChainProperties.class)).contains("prefer", "balance-by", "peak.resolution")
                .allSatisfy(key -> assertThat(mentions(text, key)).as(key).isTrue());
    }

    @Test
    void everyBuiltInProviderTypeIsHinted() {
        GenAiContextRunners.application().run(context -> assertThat(hintValues("genai.providers.*.type"))
                .containsExactlyInAnyOrderElementsOf(context.getBeansOfType(ImageProviderFactory.class).values()
                        .stream().map(ImageProviderFactory::type).toList()));
    }

    @Test
    void everyResolutionIsHintedWhereAChainTakesOne() {
        List<String> labels = Arrays.stream(Resolution.values()).map(Resolution::label).toList();
        for (String name : List.of("genai.chains.*.resolution", "genai.chains.*.degrade",
                "genai.chains.*.peak.resolution")) {
            assertThat(hintValues(name)).as(name).containsExactlyElementsOf(labels);
        }
        List<String> priceKeys = new ArrayList<>(labels);
        priceKeys.add("failed-call");
        assertThat(hintValues("genai.providers.*.price.keys")).containsExactlyElementsOf(priceKeys);
    }

    @Test
    void everyConstantOfTheChainsEnumeratedKeysIsHinted() {
        Map<String, Class<? extends Enum<?>>> enums = Map.of("genai.chains.*.order", StepOrder.class,
                "genai.chains.*.on-content-blocked", ContentBlockedAction.class,
                "genai.chains.*.prefer", Preference.class, "genai.chains.*.balance-by", BalanceBy.class);
        enums.forEach((name, type) -> assertThat(hintValues(name)).as(name).containsExactlyElementsOf(
                Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .toList()));
    }

    @Test
    void everyHintValueIsDescribed() {
        assertThat(METADATA.path("hints")).isNotEmpty().allSatisfy(hint -> assertThat(hint.path("values"))
                .as(hint.path("name").asText()).isNotEmpty()
                .allSatisfy(value -> assertThat(value.path("description").asText()).isNotBlank()));
    }

    @Test
    void theAutoConfigurationMetadataDescribesOurConditions() throws IOException {
        Properties ours = autoConfigureMetadata();
        String servlet = GenAiWebAutoConfiguration.class.getName();
        String reactive = GenAiReactiveWebAutoConfiguration.class.getName();
        assertThat(ours.getProperty(servlet + ".ConditionalOnWebApplication")).isEqualTo("SERVLET");
        assertThat(ours.getProperty(reactive + ".ConditionalOnWebApplication")).isEqualTo("REACTIVE");
        assertThat(ours.getProperty(reactive + ".ConditionalOnClass"))
                .contains("org.springframework.web.reactive.DispatcherHandler");
        assertThat(ours.getProperty(reactive + ".AutoConfigureAfter"))
                .contains(GenAiAutoConfiguration.class.getName());
    }

    private static Properties autoConfigureMetadata() throws IOException {
        for (URL url : Collections.list(ConfigurationMetadataHintsTest.class.getClassLoader()
                .getResources("META-INF/spring-autoconfigure-metadata.properties"))) {
            Properties properties = new Properties();
            try (InputStream in = url.openStream()) {
                properties.load(in);
            }
            if (properties.containsKey(GenAiAutoConfiguration.class.getName())) {
                return properties;
            }
        }
        throw new AssertionError("no META-INF/spring-autoconfigure-metadata.properties names "
                + GenAiAutoConfiguration.class.getName());
    }

    /** The bean properties of a map value type as keys, nested groups expanded: {@code peak.resolution}. */
    private static List<String> keysOf(Class<?> type) {
        List<String> keys = new ArrayList<>();
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
            if (property.getReadMethod() == null || property.getName().equals("class")) {
                continue;
            }
            String key = property.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            if (property.getWriteMethod() != null) {
                keys.add(key);
            } else if (property.getPropertyType().getDeclaringClass() == type) {
                keysOf(property.getPropertyType()).forEach(nested -> keys.add(key + "." + nested));
            }
        }
        return keys;
    }

    /** Whether {@code text} names {@code key} as a key of its own, not inside a longer one. */
    private static boolean mentions(String text, String key) {
        return Pattern.compile("(?<![\\w.-])" + Pattern.quote(key) + "(?![\\w-])").matcher(text).find();
    }

    private static String description(String property) {
        return StreamSupport.stream(METADATA.path("properties").spliterator(), false)
                .filter(p -> p.path("name").asText().equals(property)).findFirst()
                .map(p -> p.path("description").asText())
                .orElseThrow(() -> new AssertionError("no metadata for " + property));
    }

    private static List<String> hintValues(String name) {
        JsonNode hint = StreamSupport.stream(METADATA.path("hints").spliterator(), false)
                .filter(h -> h.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no hint named " + name));
        return StreamSupport.stream(hint.path("values").spliterator(), false).map(v -> v.path("value").asText())
                .collect(Collectors.toList());
    }

    private static JsonNode builtMetadata() {
        try (InputStream in = ConfigurationMetadataHintsTest.class
                .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's output").isNotNull();
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
