package dev.genairesilience.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

    @Test
    void toStringNeverShowsTheApiKeyNorAnOptionsValue() {
        ProviderSettings settings = ProviderSettings.builder("gpt-image", "openai").model("gpt-image-1")
                .apiKey("sk-secret-123").baseUrl(URI.create("http://127.0.0.1:1")).timeout(Duration.ofSeconds(5))
                .options(Map.of("organization-token", "org-secret-456")).build();

        assertThat(settings.toString()).contains("gpt-image", "apiKey=<set>", "organization-token")
                .doesNotContain("sk-secret-123", "org-secret-456");
    }
}
