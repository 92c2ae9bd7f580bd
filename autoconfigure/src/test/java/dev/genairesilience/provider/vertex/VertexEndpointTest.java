package dev.genairesilience.provider.vertex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class VertexEndpointTest {

    @Test
    void aRegionIsPartOfTheHostName() {
        VertexEndpoint endpoint = VertexEndpoint.of(null, "my-project", "europe-west4", "gemini-2.5-flash-image");

        assertThat(endpoint.generateContent()).hasToString("https://europe-west4-aiplatform.googleapis.com/v1/projects/"
                + "my-project/locations/europe-west4/publishers/google/models/gemini-2.5-flash-image:generateContent");
    }

    @Test
    void theGlobalLocationHasTheHostWithoutARegion() {
        VertexEndpoint endpoint = VertexEndpoint.of(null, "my-project", "global", "imagen-4.0-generate-001");

        assertThat(endpoint.predict()).hasToString("https://aiplatform.googleapis.com/v1/projects/my-project/"
                + "locations/global/publishers/google/models/imagen-4.0-generate-001:predict");
    }

    @Test
    void aBaseUrlReplacesTheHostOnly() {
        VertexEndpoint endpoint = VertexEndpoint.of(URI.create("http://127.0.0.1:8089/"), "p-1", "us-central1", "m");

        assertThat(endpoint.predict()).hasToString("http://127.0.0.1:8089/v1/projects/p-1/locations/us-central1/"
                + "publishers/google/models/m:predict");
    }

    @Test
    void whatGoesIntoTheHostNameOrPathMustHaveGooglesForm() {
        assertThatThrownBy(() -> VertexEndpoint.of(null, "p", "attacker.example/x", "m"))
                .hasMessageContaining("location 'attacker.example/x' is not a Vertex AI location");
        assertThatThrownBy(() -> VertexEndpoint.of(null, "p/../q", "us-central1", "m"))
                .hasMessageContaining("project 'p/../q' is not a Google Cloud project id");
    }

    @Test
    void anImagenFilterReasonKeepsOnlyItsSupportCodes() {
        assertThat(ImagenApi.reasonCode("Unable to show generated images. Your prompt 'x' ... Support codes: "
                + "58061214, 17301594")).isEqualTo("RAI_FILTERED 58061214 17301594");
        assertThat(ImagenApi.reasonCode("filtered")).isEqualTo("RAI_FILTERED");
    }
}
