package dev.genairesilience.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.Resolution;
import dev.genairesilience.spi.AspectRatio;
import dev.genairesilience.spi.PixelSize;
import dev.genairesilience.spi.ProviderSettings;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AspectRatioAndOptionsTest {

    private static ProviderSettings withOptions(Map<String, String> options) {
        return ProviderSettings.builder("sdxl", "huggingface").model("a/b").apiKey("k").timeout(Duration.ofSeconds(1))
                .options(options).build();
    }

    @Test
    void fitsTheLongSideAndRoundsTheShortOne() {
        assertThat(AspectRatio.parse("16:9").fit(1024, 8)).isEqualTo(new PixelSize(1024, 576));
        assertThat(AspectRatio.parse(" 9 : 16 ").fit(2048, 8)).isEqualTo(new PixelSize(1152, 2048));
        assertThat(AspectRatio.parse("1:1").fit(512, 8).toString()).isEqualTo("512x512");
        assertThat(AspectRatio.parse("1000:1").fit(512, 8)).isEqualTo(new PixelSize(512, 8));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "16x9", "0:1", "1:0", "a:b", "16:9:1", "-1:2", "12345:1" })
    void rejectsWhatIsNotWByH(String text) {
        assertThat(AspectRatio.isValid(text)).isFalse();
        assertThatThrownBy(() -> AspectRatio.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsOverrideTheDefaults() {
        ProviderSettings settings = withOptions(Map.of("resolutions", "1k, 2K", "aspect-ratios", "1:1, 16:9"));

        assertThat(ProviderOptions.resolutions(settings, EnumSet.of(Resolution.ONE_K)))
                .containsExactlyInAnyOrder(Resolution.ONE_K, Resolution.TWO_K);
        assertThat(ProviderOptions.aspectRatios(settings, Set.of("1:1"))).containsExactly("1:1", "16:9");
        assertThat(ProviderOptions.aspectRatios(withOptions(Map.of("aspect-ratios", "*")), Set.of("1:1"))).isEmpty();
        assertThat(ProviderOptions.resolutions(withOptions(Map.of()), EnumSet.of(Resolution.FOUR_K)))
                .containsExactly(Resolution.FOUR_K);
    }

    @Test
    void badOptionsNameTheProperty() {
        assertThatThrownBy(() -> ProviderOptions.resolutions(withOptions(Map.of("resolutions", "1K,8K")), Set.of()))
                .hasMessageStartingWith("genai.providers.sdxl.options.resolutions: ");
        assertThatThrownBy(() -> ProviderOptions.aspectRatios(withOptions(Map.of("aspect-ratios", "wide")), Set.of()))
                .hasMessageStartingWith("genai.providers.sdxl.options.aspect-ratios: 'wide'");
        assertThatThrownBy(() -> ProviderOptions.requireModel(
                ProviderSettings.builder("x", "gemini").model(" ").apiKey("k").timeout(Duration.ofSeconds(1)).build()))
                .hasMessage("genai.providers.x.model is required for type gemini");
    }
}
