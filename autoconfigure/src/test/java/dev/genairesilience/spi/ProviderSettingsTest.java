package dev.genairesilience.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

    @Test
    void toStringNeverShowsTheApiKeyNorAnOptionsValue() {
        ProviderSettings settings = new ProviderSettings("gpt-image", "openai", "gpt-image-1", "sk-secret-123",
                URI.create("http://127.0.0.1:1"), Duration.ofSeconds(5), false,
                Map.of("organization-token", "org-secret-456"));

        assertThat(settings.toString()).contains("gpt-image", "apiKey=<set>", "organization-token")
                .doesNotContain("sk-secret-123", "org-secret-456");
    }
}
