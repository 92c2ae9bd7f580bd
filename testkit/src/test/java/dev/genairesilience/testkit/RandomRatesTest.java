package dev.genairesilience.testkit;

import static dev.genairesilience.testkit.EmulatorClient.GEMINI_MODEL;
import static dev.genairesilience.testkit.EmulatorClient.OPENAI_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RandomRatesTest {

    @RegisterExtension
    static ProviderEmulatorExtension extension = new ProviderEmulatorExtension();

    private final ProviderEmulator emulator = extension.emulator();
    private final EmulatorClient client = new EmulatorClient(emulator);

    @Test
    void overloadRateOverloadsAboutThatShareOfCalls() throws Exception {
        emulator.model(GEMINI_MODEL).seed(1).overloadRate(0.3);

        int overloaded = 0;
        for (int i = 0; i < 400; i++) {
            if (client.gemini(GEMINI_MODEL, "k", "p").statusCode() == 503) {
                overloaded++;
            }
        }

        // 0.3 * 400 = 120, standard deviation ~9: the band is over 4 sigma wide on each side
        assertThat(overloaded).isBetween(80, 160);
        assertThat(emulator.model(GEMINI_MODEL).successes()).isEqualTo(400 - overloaded);
    }

    @Test
    void aSeededModelRepeatsTheSameSequence() throws Exception {
        List<Integer> first = statuses(emulator.model(OPENAI_MODEL).seed(42).overloadRate(0.5), 30);
        List<Integer> second = statuses(emulator.model(OPENAI_MODEL).seed(42), 30);

        assertThat(second).isEqualTo(first).contains(200, 503);
    }

    @Test
    void malformedRateAnswers200WithoutAnImage() throws Exception {
        emulator.model(OPENAI_MODEL).malformedRate(1.0);

        assertThat(EmulatorClient.json(client.openAi(OPENAI_MODEL, "k", "p")).path("data")).isEmpty();
        assertThat(emulator.model(OPENAI_MODEL).successes()).isZero();
    }

    @Test
    void dropConnectionRateDropsAboutThatShareOfCalls() throws Exception {
        emulator.model(GEMINI_MODEL).seed(7).dropConnectionRate(0.5);

        int dropped = 0;
        for (int i = 0; i < 40; i++) {
            try {
                client.gemini(GEMINI_MODEL, "k", "p");
            } catch (IOException e) {
                dropped++;
            }
        }

        assertThat(dropped).isBetween(8, 32);
        assertThat(emulator.model(GEMINI_MODEL).calls()).isEqualTo(40);
    }

    private List<Integer> statuses(ModelBehaviour model, int calls) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            statuses.add(client.openAi(model.modelId(), "k", "p").statusCode());
        }
        return statuses;
    }
}
