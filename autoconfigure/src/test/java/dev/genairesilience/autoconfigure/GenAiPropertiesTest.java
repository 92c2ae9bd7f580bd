package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genairesilience.Resolution;
import dev.genairesilience.chain.ChainDefinition;
import dev.genairesilience.chain.RetrySettings;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenAiPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        GenAiProperties properties = new GenAiProperties();
        assertThat(properties.isEnabled()).isTrue();
        assertThat(properties.getHttp().getConnectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.getRetry().toSettings()).isEqualTo(RetrySettings.defaults());
        assertThat(properties.getRetry().getDefaultDeadline()).isEqualTo(Duration.ofSeconds(60));
        GenAiChainProperties chain = new GenAiChainProperties();
        assertThat(chain.getResolution()).isEqualTo("1K");
        assertThat(chain.getAspectRatio()).isEqualTo("1:1");
        assertThat(chain.getDeadline()).isEqualTo(Duration.ofSeconds(60));
        assertThat(chain.getOrder()).isEqualTo(ChainDefinition.StepOrder.PROVIDER_FIRST);
        assertThat(new GenAiProviderProperties().getTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void toStringNeverShowsTheApiKeyNorAnOptionsValue() {
        GenAiProperties properties = new GenAiProperties();
        GenAiProviderProperties provider = new GenAiProviderProperties();
        provider.setType("openai");
        provider.setApiKey("sk-secret-123");
        provider.getOptions().put("organization-token", "org-secret-456");
        properties.getProviders().put("gpt-image", provider);
        assertThat(properties.toString()).contains("gpt-image", "apiKey=<set>", "organization-token")
                .doesNotContain("sk-secret-123", "org-secret-456");
    }

    @Test
    void yamlStyleValuesBindToTheChainAsTheEngineTakesIt() {
        GenAiContextRunners.withTestProviders().withPropertyValues(
                "genai.chains.product-shots.providers=good,broken", "genai.chains.product-shots.resolution=4k",
                "genai.chains.product-shots.degrade=2K,1K", "genai.chains.product-shots.deadline=90s",
                "genai.chains.product-shots.aspect-ratio=16:9", "genai.chains.product-shots.order=resolution-first",
                "genai.chains.product-shots.last-resort=card", "genai.retry.budget.window=20s")
                .run(context -> {
                    ChainDefinition chain = context.getBean(ImageProviderRegistry.class).chains().get("product-shots");
                    assertThat(chain).isEqualTo(ChainDefinition.builder("product-shots")
                            .providers(List.of("good", "broken")).resolution(Resolution.FOUR_K)
                            .degrade(List.of(Resolution.TWO_K, Resolution.ONE_K)).aspectRatio("16:9")
                            .deadline(Duration.ofSeconds(90)).lastResort("card")
                            .order(ChainDefinition.StepOrder.RESOLUTION_FIRST).build());
                    assertThat(context.getBean(GenAiProperties.class).getRetry().toSettings().budgetWindow())
                            .isEqualTo(Duration.ofSeconds(20));
                });
    }

    @Test
    void theConfigurationMetadataDescribesEveryProperty() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            JsonNode root = new ObjectMapper().readTree(in);
            assertThat(root.get("properties")).isNotEmpty().allSatisfy(property -> assertThat(
                    property.path("description").asText()).as(property.get("name").asText()).isNotBlank());
        }
    }
}
