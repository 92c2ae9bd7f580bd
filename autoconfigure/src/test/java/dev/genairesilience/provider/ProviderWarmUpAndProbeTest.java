package dev.genairesilience.provider;

import static dev.genairesilience.provider.ProviderTestSupport.HTTP;
import static dev.genairesilience.provider.ProviderTestSupport.KEY;
import static dev.genairesilience.provider.ProviderTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.provider.gemini.GeminiProviderFactory;
import dev.genairesilience.provider.huggingface.HuggingFaceProviderFactory;
import dev.genairesilience.provider.local.LocalProviderFactory;
import dev.genairesilience.provider.openai.OpenAiProviderFactory;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ProviderEmulator;
import dev.genairesilience.testkit.ProviderEmulatorExtension;
import dev.genairesilience.testkit.RecordedCall;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each provider type's cheapest warming call and free probe, over real HTTP to the emulator. */
class ProviderWarmUpAndProbeTest {

    private static final String GEMINI = "gemini-2.5-flash-image";
    private static final String GPT = "gpt-image-1";
    private static final String SDXL = "stabilityai/stable-diffusion-xl-base-1.0";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @RegisterExtension
    static final ProviderEmulatorExtension EMULATOR = new ProviderEmulatorExtension();

    private final ProviderEmulator emulator = EMULATOR.emulator();

    @Test
    void geminiWarmsAndProbesByReadingTheModelsMetadataWithItsKey() throws Exception {
        emulator.model(GEMINI).expectApiKey(KEY);
        ImageProvider gemini = new GeminiProviderFactory().create(settings("gemini", GEMINI, emulator.baseUrl()), HTTP);

        gemini.warmUp(TIMEOUT);
        gemini.probe(TIMEOUT);

        assertThat(gemini.probes()).isTrue();
        assertThat(emulator.model(GEMINI).metadataCalls()).isEqualTo(2);
        assertThat(emulator.model(GEMINI).calls()).isZero();
    }

    @Test
    void openAiWarmsAndProbesByReadingTheModelsDescriptionWithItsKey() throws Exception {
        emulator.model(GPT).expectApiKey(KEY);
        ImageProvider openAi = new OpenAiProviderFactory().create(settings("openai", GPT, emulator.baseUrl()), HTTP);

        openAi.warmUp(TIMEOUT);
        openAi.probe(TIMEOUT);

        assertThat(openAi.probes()).isTrue();
        assertThat(emulator.model(GPT).metadataCalls()).isEqualTo(2);
        assertThat(emulator.model(GPT).calls()).isZero();
    }

    @Test
    void aFailingProbeThrowsWhatTheEngineClassifies() {
        emulator.model(GPT).metadataFault(Fault.SERVER_ERROR);
        emulator.model(GEMINI).expectApiKey("another-key");
        ImageProvider openAi = new OpenAiProviderFactory().create(settings("openai", GPT, emulator.baseUrl()), HTTP);
        ImageProvider gemini = new GeminiProviderFactory().create(settings("gemini", GEMINI, emulator.baseUrl()), HTTP);

        assertThatThrownBy(() -> openAi.probe(TIMEOUT)).satisfies(
                e -> assertThat(ProviderTestSupport.classify(e).kind()).isEqualTo(FailureKind.SERVER_ERROR));
        assertThatThrownBy(() -> gemini.warmUp(TIMEOUT)).satisfies(
                e -> assertThat(ProviderTestSupport.classify(e).kind()).isEqualTo(FailureKind.AUTHENTICATION));
    }

    @Test
    void huggingFaceWarmsAColdModelWithOneTinyGenerationThatWaitsForTheModel() throws Exception {
        emulator.model(SDXL).coldStart(Duration.ofSeconds(20), Duration.ofMillis(300));
        ImageProvider sdxl = new HuggingFaceProviderFactory().create(
                settings("huggingface", SDXL, emulator.baseUrl(), false, Map.of()), HTTP);

        sdxl.warmUp(TIMEOUT);

        RecordedCall call = emulator.model(SDXL).recordedCalls().get(0);
        assertThat(emulator.model(SDXL).calls()).isEqualTo(1);
        assertThat(emulator.model(SDXL).successes()).isEqualTo(1);
        assertThat(call.header("x-wait-for-model")).isEqualTo("true");
        assertThat(call.body()).contains("\"width\":256").contains("\"height\":256");
        assertThat(sdxl.probes()).isFalse();
        assertThatThrownBy(() -> sdxl.probe(TIMEOUT)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theLocalCardHasNothingToWarmAndNothingToProbe() throws Exception {
        ImageProvider card = new LocalProviderFactory().create(settings("local", null, null), HTTP);

        card.warmUp(TIMEOUT);

        assertThat(card.probes()).isFalse();
    }
}
