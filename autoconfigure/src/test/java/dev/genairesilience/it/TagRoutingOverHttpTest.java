package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.ImageRequest;
import org.junit.jupiter.api.Test;

/** Over real HTTP: a request's tag picks its chain when the caller names none. */
class TagRoutingOverHttpTest extends EmulatedProvidersTest {

    @Test
    void aTaggedRequestGoesToItsTagsChainAndAnUntaggedOneToTheDefault() {
        run(with(geminiPair(), "genai.chains.photo.providers=pro", "genai.chains.art.providers=flash",
                "genai.default-chain=photo", "genai.routing.tags.artistic=art"), context -> {
                    assertThat(generator(context).generate(ImageRequest.builder("a fox").tag("artistic").build())
                            .provider()).isEqualTo("flash");
                    assertThat(generator(context).generate(ImageRequest.of("a fox")).provider()).isEqualTo("pro");

                    assertThat(emulator().model(FLASH).calls()).isEqualTo(1);
                    assertThat(emulator().model(PRO).calls()).isEqualTo(1);
                });
    }
}
