package dev.genairesilience.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import dev.genairesilience.Attempt;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.PromptBlockedException;
import dev.genairesilience.autoconfigure.GenAiContextRunners;
import dev.genairesilience.autoconfigure.GenAiReactiveWebAutoConfiguration;
import dev.genairesilience.failure.FailureKind;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.codec.CodecsAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.HttpHandlerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.WebFluxAutoConfiguration;
import org.springframework.boot.autoconfigure.web.reactive.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

class GenerationProblemWebExceptionHandlerTest {

    private static final String PROMPT = "a secret product launch poster";

    private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
            .withConfiguration(GenAiContextRunners.GENAI)
            .withConfiguration(AutoConfigurations.of(GenAiReactiveWebAutoConfiguration.class,
                    JacksonAutoConfiguration.class, CodecsAutoConfiguration.class, WebFluxAutoConfiguration.class,
                    HttpHandlerAutoConfiguration.class, ErrorWebFluxAutoConfiguration.class))
            .withUserConfiguration(ImageEndpoints.class);

    @Test
    void unavailableBecomes503WithRetryAfterAndAProblemDocument() {
        client(client -> client.get().uri("/image?prompt={p}", PROMPT).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "3")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Image generation unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("No image was generated and nothing was charged"))
                .jsonPath("$.retryAfterSeconds").isEqualTo(3)
                .jsonPath("$.attempts").isEqualTo(2)
                .consumeWith(body -> assertThat(new String(body.getResponseBody())).doesNotContain(PROMPT)));
    }

    @Test
    void unavailableIsAProblemDocumentEvenForAClientThatAcceptsOnlyImages() {
        client(client -> client.get().uri("/image?prompt={p}", PROMPT).accept(MediaType.IMAGE_PNG).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "3")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aFailedMonoOfAnAnnotatedControllerIsAnsweredTheSame() {
        client(client -> client.get().uri("/rejected").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Invalid image request")
                .jsonPath("$.field").isEqualTo("aspectRatio")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("'aspectRatio'")));
    }

    @Test
    void aBlockedPromptFromAFunctionalEndpointBecomes422NamingTheProvider() {
        client(client -> client.get().uri("/functional/blocked").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Prompt refused by the provider's content policy")
                .jsonPath("$.field").isEqualTo("prompt")
                .jsonPath("$.provider").isEqualTo("gemini-pro")
                .consumeWith(body -> assertThat(new String(body.getResponseBody())).doesNotContain(PROMPT)));
    }

    @Test
    void otherFailuresAreLeftToTheNextHandler() {
        client(client -> client.get().uri("/broken").exchange()
                .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader().doesNotExist("Retry-After")
                .expectBody().jsonPath("$.title").doesNotExist());
    }

    @Test
    void theApplicationsOwnAdviceWins() {
        reactive.withUserConfiguration(OwnAdvice.class).run(context -> WebTestClient
                .bindToApplicationContext(context).build()
                .get().uri("/image?prompt={p}", PROMPT).exchange()
                .expectStatus().isEqualTo(HttpStatus.I_AM_A_TEAPOT));
    }

    @Test
    void theHandlerExistsOnlyInReactiveWebApplications() {
        reactive.run(context -> assertThat(context).hasSingleBean(GenerationProblemWebExceptionHandler.class));
        AutoConfigurations reactiveWeb = AutoConfigurations.of(GenAiReactiveWebAutoConfiguration.class);
        new WebApplicationContextRunner().withConfiguration(GenAiContextRunners.GENAI).withConfiguration(reactiveWeb)
                .run(context -> assertThat(context).doesNotHaveBean(GenerationProblemWebExceptionHandler.class));
        new ApplicationContextRunner().withConfiguration(GenAiContextRunners.GENAI).withConfiguration(reactiveWeb)
                .run(context -> assertThat(context).doesNotHaveBean(GenerationProblemWebExceptionHandler.class));
        reactive.withPropertyValues("genai.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(GenerationProblemWebExceptionHandler.class));
    }

    @Test
    void anApplicationsHandlerBeanReplacesOurs() {
        GenerationProblemWebExceptionHandler own = new GenerationProblemWebExceptionHandler(
                ServerCodecConfigurer.create());
        reactive.withBean(GenerationProblemWebExceptionHandler.class, () -> own).run(context -> assertThat(context)
                .getBean(GenerationProblemWebExceptionHandler.class).isSameAs(own));
    }

    private void client(Consumer<WebTestClient> test) {
        reactive.run(context -> {
            assertThat(context).hasNotFailed();
            test.accept(WebTestClient.bindToApplicationContext(context).build());
        });
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
        Mono<byte[]> rejected() {
            return Mono.error(new GenerationRejectedException("aspectRatio",
                    "no provider of chain 'x' can generate 7:3"));
        }

        @GetMapping("/broken")
        byte[] broken() {
            throw new IllegalStateException("not one of the engine's failures");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ImageEndpoints {

        @Bean
        ImageEndpoint imageEndpoint() {
            return new ImageEndpoint();
        }

        @Bean
        RouterFunction<ServerResponse> blockedRoute() {
            return route().GET("/functional/blocked",
                    request -> Mono.error(new PromptBlockedException("gemini-pro", "IMAGE_SAFETY", 200))).build();
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
