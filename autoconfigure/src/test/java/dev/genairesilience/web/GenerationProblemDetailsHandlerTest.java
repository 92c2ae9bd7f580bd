package dev.genairesilience.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.genairesilience.Attempt;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.autoconfigure.GenAiContextRunners;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

class GenerationProblemDetailsHandlerTest {

    private static final String PROMPT = "a secret product launch poster";

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(GenAiContextRunners.GENAI)
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
                    WebMvcAutoConfiguration.class))
            .withUserConfiguration(ImageEndpoint.class);

    @Test
    void unavailableBecomes503WithRetryAfterAndAProblemDocument() {
        mvc(mvc -> mvc.perform(get("/image").param("prompt", PROMPT))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "3"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Image generation unavailable"))
                .andExpect(jsonPath("$.status").value(503))
                .andExpect(jsonPath("$.detail").value(containsString(
                        "No image was generated and nothing was charged")))
                .andExpect(jsonPath("$.retryAfterSeconds").value(3))
                .andExpect(jsonPath("$.attempts").value(2))
                .andExpect(content().string(not(
                        containsString(PROMPT)))));
    }

    @Test
    void unavailableIsAProblemDocumentEvenForAClientThatAcceptsOnlyImages() {
        mvc(mvc -> mvc.perform(get("/image").param("prompt", PROMPT).accept(MediaType.IMAGE_PNG))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "3"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)));
    }

    @Test
    void rejectedBecomes400NamingTheField() {
        mvc(mvc -> mvc.perform(get("/rejected"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid image request"))
                .andExpect(jsonPath("$.field").value("aspectRatio"))
                .andExpect(jsonPath("$.detail").value(containsString("'aspectRatio'"))));
    }

    @Test
    void theApplicationsOwnAdviceWins() {
        web.withUserConfiguration(OwnAdvice.class).run(context -> {
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
            mvc.perform(get("/image").param("prompt", PROMPT)).andExpect(status().isIAmATeapot());
        });
    }

    @Test
    void theHandlerExistsOnlyInServletWebApplications() {
        web.run(context -> assertThat(context).hasSingleBean(GenerationProblemDetailsHandler.class));
        new ApplicationContextRunner().withConfiguration(GenAiContextRunners.GENAI)
                .run(context -> assertThat(context).doesNotHaveBean(GenerationProblemDetailsHandler.class));
        new ReactiveWebApplicationContextRunner().withConfiguration(GenAiContextRunners.GENAI)
                .run(context -> assertThat(context).doesNotHaveBean(GenerationProblemDetailsHandler.class));
    }

    @Test
    void anApplicationsHandlerBeanReplacesOurs() {
        GenerationProblemDetailsHandler own = new GenerationProblemDetailsHandler();
        web.withBean(GenerationProblemDetailsHandler.class, () -> own)
                .run(context -> assertThat(context).getBean(GenerationProblemDetailsHandler.class).isSameAs(own));
    }

    private void mvc(MvcTest test) {
        web.run(context -> {
            assertThat(context).hasNotFailed();
            test.perform(MockMvcBuilders.webAppContextSetup(context).build());
        });
    }

    @FunctionalInterface
    interface MvcTest {
        void perform(MockMvc mvc) throws Exception;
    }

    @RestController
    static class ImageEndpoint {

        @GetMapping("/image")
        byte[] image(@RequestParam String prompt) {
            Attempt busy = Attempt.builder("gemini-pro", "gemini-3-pro-image-preview")
                    .failure(FailureKind.OVERLOADED, 503).duration(Duration.ofMillis(120)).build();
            throw new GenerationUnavailableException("product-shots", "every provider is overloaded",
                    List.of(busy, busy), Duration.ofMillis(2500));
        }

        @GetMapping("/rejected")
        byte[] rejected() {
            throw new GenerationRejectedException("aspectRatio", "no provider of chain 'x' can generate 7:3");
        }
    }

    @RestControllerAdvice
    static class OwnAdvice {

        @ExceptionHandler(GenerationUnavailableException.class)
        ResponseEntity<String> unavailable(GenerationUnavailableException e) {
            return ResponseEntity.status(HttpStatus.I_AM_A_TEAPOT).body("our own page");
        }
    }
}
