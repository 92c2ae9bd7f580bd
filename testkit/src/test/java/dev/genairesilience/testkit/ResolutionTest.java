package dev.genairesilience.testkit;

import static dev.genairesilience.testkit.EmulatorClient.GEMINI_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.HF_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.OPENAI_MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the emulator reads a call's resolution from each API's request, and overload rates per resolution. */
class ResolutionTest {

    private static final String PRO = "gemini-3-pro-image-preview";

    @RegisterExtension
    static ProviderEmulatorExtension extension = new ProviderEmulatorExtension();

    private final ProviderEmulator emulator = extension.emulator();
    private final EmulatorClient client = new EmulatorClient(emulator);

    @Test
    void eachApiCarriesTheResolutionInItsOwnFieldAndNoneMeans1K() throws Exception {
        client.send(client.geminiRequest(PRO, "k", "p", "4K"));
        client.send(client.geminiRequest(PRO, "k", "p", null));
        client.send(client.openAiRequest(OPENAI_MODEL, "k", "p", "4096x4096"));
        client.send(client.openAiRequest(OPENAI_MODEL, "k", "p", "2048x1152"));
        client.send(client.openAiRequest(OPENAI_MODEL, "k", "p", "1792x1024"));
        client.send(client.openAiRequest(OPENAI_MODEL, "k", "p", null));
        client.send(client.huggingFaceRequest(HF_MODEL, "k", "p", false, 1152, 2048));
        client.send(client.huggingFaceRequest(HF_MODEL, "k", "p", false, 1024, 1024));

        assertThat(emulator.model(PRO).recordedCalls()).extracting(RecordedCall::resolution)
                .containsExactly("4K", "1K");
        assertThat(emulator.model(OPENAI_MODEL).recordedCalls()).extracting(RecordedCall::resolution)
                .containsExactly("4K", "2K", "1K", "1K");
        assertThat(emulator.model(HF_MODEL).recordedCalls()).extracting(RecordedCall::resolution)
                .containsExactly("2K", "1K");
    }

    @Test
    void anImageSizeGeminiDoesNotKnowIsRefusedAsAnInvalidArgument() throws Exception {
        var response = client.send(client.geminiRequest(PRO, "k", "p", "8K"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(EmulatorClient.json(response).path("error").path("status").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(emulator.model(PRO).recordedCalls()).extracting(RecordedCall::resolution).containsOnlyNulls();
    }

    @Test
    void anOpenAiSizeThatIsNoPixelSizeIsRefused() throws Exception {
        var response = client.send(client.openAiRequest(OPENAI_MODEL, "k", "p", "huge"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(EmulatorClient.json(response).path("error").path("message").asText()).contains("'size'");
    }

    @Test
    void eachResolutionFailsAtItsOwnRateAndTheOthersAtTheCommonOne() throws Exception {
        emulator.model(PRO).seed(3).overloadRate(0.5).overloadRate("4k", 1.0).overloadRate("2K", 0.0);

        List<Integer> fourK = statuses(client.geminiRequest(PRO, "k", "p", "4K"), 20);
        List<Integer> twoK = statuses(client.geminiRequest(PRO, "k", "p", "2K"), 20);
        List<Integer> oneK = statuses(client.geminiRequest(PRO, "k", "p", "1K"), 40);

        assertThat(fourK).containsOnly(503);
        assertThat(twoK).containsOnly(200);
        assertThat(oneK).contains(200, 503);
    }

    @Test
    void aResolutionsRateCanBeChangedDuringARun() throws Exception {
        ModelBehaviour model = emulator.model(PRO).overloadRate("4K", 1.0);
        int during = client.send(client.geminiRequest(PRO, "k", "p", "4K")).statusCode();

        model.overloadRate("4K", 0.0);
        int after = client.send(client.geminiRequest(PRO, "k", "p", "4K")).statusCode();

        assertThat(during).isEqualTo(503);
        assertThat(after).isEqualTo(200);
        assertThat(model.successes()).isEqualTo(1);
    }

    @Test
    void aRateOf85PercentRefusesAboutThatShareOfItsResolutionsCalls() throws Exception {
        emulator.model(PRO).seed(85).overloadRate("4K", 0.85).overloadRate("1K", 0.02);

        long fourK = statuses(client.geminiRequest(PRO, "k", "p", "4K"), 200).stream().filter(s -> s == 503).count();
        long oneK = statuses(client.geminiRequest(PRO, "k", "p", "1K"), 200).stream().filter(s -> s == 503).count();

        // 170 expected of 200, standard deviation ~5; 4 expected of 200, standard deviation 2
        assertThat(fourK).isBetween(150L, 190L);
        assertThat(oneK).isBetween(0L, 14L);
    }

    @Test
    void seededRatesPerResolutionRepeat() throws Exception {
        emulator.model(PRO).seed(9).overloadRate("2K", 0.5);
        List<Integer> first = statuses(client.geminiRequest(PRO, "k", "p", "2K"), 30);
        emulator.model(PRO).seed(9);
        List<Integer> second = statuses(client.geminiRequest(PRO, "k", "p", "2K"), 30);

        assertThat(second).isEqualTo(first).contains(200, 503);
    }

    @Test
    void resetClearsTheRatesPerResolution() throws Exception {
        emulator.model(PRO).overloadRate("4K", 1.0);
        emulator.reset();

        assertThat(client.send(client.geminiRequest(PRO, "k", "p", "4K")).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownResolutionOrRateIsRefusedNamingWhatIsWrong() {
        ModelBehaviour model = emulator.model(PRO);

        assertThatThrownBy(() -> model.overloadRate("8K", 0.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resolution must be one of 1K, 2K, 4K, was '8K'");
        assertThatThrownBy(() -> model.overloadRate("4K", 1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("overloadRate(4K) must be within [0, 1], was 1.5");
    }

    @Test
    void callsOfSeveralModelsAreOrderedByWhenTheyArrived() throws Exception {
        client.send(client.geminiRequest(PRO, "k", "p", "4K"));
        client.send(client.geminiRequest(GEMINI_MODEL, "k", "p", null));
        client.send(client.geminiRequest(PRO, "k", "p", "2K"));

        List<RecordedCall> pro = emulator.model(PRO).recordedCalls();
        RecordedCall flash = emulator.model(GEMINI_MODEL).recordedCalls().get(0);
        assertThat(flash.receivedAt()).isAfterOrEqualTo(pro.get(0).receivedAt())
                .isBeforeOrEqualTo(pro.get(1).receivedAt());
    }

    private List<Integer> statuses(HttpRequest request, int calls) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            statuses.add(client.send(request).statusCode());
        }
        return statuses;
    }
}
