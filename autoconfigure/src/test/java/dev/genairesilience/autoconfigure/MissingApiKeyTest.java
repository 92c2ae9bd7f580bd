package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A provider without its key is left out of its chains with one warning; start-up goes on. */
@ExtendWith(OutputCaptureExtension.class)
class MissingApiKeyTest {

    private static final String KEY = "sk-test-9f8e7d6c5b4a";

    @Test
    void aProviderWithoutItsKeyIsLeftOutOfItsChainsWithOneWarningThatShowsNoKey(CapturedOutput output) {
        GenAiContextRunners.withTestProviders().withPropertyValues(
                "genai.providers.gemini-pro.type=gemini", "genai.providers.gemini-pro.model=gemini-3-pro-image-preview",
                "genai.providers.gemini-pro.api-key=",
                "genai.providers.gemini-flash.type=gemini", "genai.providers.gemini-flash.model=gemini-2.5-flash-image",
                "genai.providers.gemini-flash.api-key=" + KEY,
                "genai.providers.gemini-flash.base-url=http://127.0.0.1:9",
                "genai.chains.product-shots.providers=gemini-pro,gemini-flash",
                "genai.chains.banners.providers=gemini-pro", "genai.chains.banners.last-resort=card")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ImageProviderRegistry registry = context.getBean(ImageProviderRegistry.class);
                    assertThat(registry.providers()).doesNotContainKey("gemini-pro").containsKey("gemini-flash");
                    assertThat(registry.chains().get("product-shots").providers()).containsExactly("gemini-flash");
                    assertThat(registry.chains().get("banners").providers()).isEmpty();
                    assertThat(registry.chains().get("banners").lastResort()).isEqualTo("card");
                });
        assertThat(output.getOut().split("genai.providers.gemini-pro: no API key", -1)).hasSize(2);
        assertThat(output.getOut()).contains("genai.providers.gemini-pro.api-key").doesNotContain(KEY);
    }

    @Test
    void aChainLeftWithNothingStaysDefinedWarnsAndFailsEveryCallAsUnavailable(CapturedOutput output) {
        GenAiContextRunners.withTestProviders().withPropertyValues(
                "genai.providers.gpt-image.type=openai", "genai.providers.gpt-image.model=gpt-image-1",
                "genai.chains.posters.providers=gpt-image")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ImageGenerator generator = context.getBean(ImageGenerator.class);
                    assertThatThrownBy(() -> generator.generate("posters", ImageRequest.of("a poster")))
                            .isInstanceOf(GenerationUnavailableException.class)
                            .hasMessageContaining("Nothing was generated");
                });
        assertThat(output.getOut()).contains("genai.providers.gpt-image: no API key")
                .contains("genai.chains.posters: every provider of this chain was left out");
    }
}
