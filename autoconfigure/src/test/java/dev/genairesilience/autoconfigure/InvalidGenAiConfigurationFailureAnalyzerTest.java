package dev.genairesilience.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

class InvalidGenAiConfigurationFailureAnalyzerTest {

    @Test
    void theStartUpReportListsEveryProblemWithItsProperty() {
        InvalidGenAiConfigurationException failure = new InvalidGenAiConfigurationException(List.of(
                "genai.chains.shots.providers[1]: unknown provider 'gpt-imag'",
                "genai.providers.x.type: unknown type 'gemeni'"));

        FailureAnalysis analysis = new InvalidGenAiConfigurationFailureAnalyzer()
                .analyze(new IllegalStateException("wrapped", failure));

        assertThat(analysis.getDescription()).contains("genai.chains.shots.providers[1]: unknown provider 'gpt-imag'")
                .contains("genai.providers.x.type: unknown type 'gemeni'");
        assertThat(analysis.getAction()).contains("genai.*");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aFailedStartUpReportsTheProblemsThroughTheAnalyzer(CapturedOutput output) {
        SpringApplication application = new SpringApplication(Minimal.class);
        application.setWebApplicationType(WebApplicationType.NONE);

        assertThatThrownBy(() -> application.run("--genai.chains.shots.providers=gpt-imag"))
                .hasRootCauseInstanceOf(InvalidGenAiConfigurationException.class);
        assertThat(output).contains("APPLICATION FAILED TO START").contains("The genai configuration cannot work")
                .contains("genai.chains.shots.providers[0]");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(GenAiAutoConfiguration.class)
    static class Minimal {
    }
}
