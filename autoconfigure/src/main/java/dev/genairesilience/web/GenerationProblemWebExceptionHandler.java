package dev.genairesilience.web;

import java.util.List;
import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The reactive counterpart of {@link GenerationProblemDetailsHandler}: in a WebFlux application, the engine's
 * failures that no {@code @ExceptionHandler} of the application handled, from an annotated controller or a
 * functional endpoint alike, become the same {@code application/problem+json} answers ({@code 503} with
 * {@code Retry-After}, {@code 422}, {@code 400} naming the field). Any other failure passes on to the next handler.
 * Ordered just before Spring Boot's error handler ({@code -1}), so the application's own higher-precedence
 * {@code WebExceptionHandler} beans still come first.
 */
public class GenerationProblemWebExceptionHandler implements WebExceptionHandler, Ordered {

    /** Just before Spring Boot's {@code ErrorWebExceptionHandler}, which is ordered {@code -1}. */
    public static final int ORDER = -2;

    private final ServerResponse.Context context;

    /** @param codecs the application's codecs, which write the problem document */
    public GenerationProblemWebExceptionHandler(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = Objects.requireNonNull(codecs, "codecs").getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ResponseEntity<ProblemDetail> answer = GenerationProblems.answer(failure);
        if (answer == null || exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        return ServerResponse.status(answer.getStatusCode())
                .headers(headers -> headers.addAll(answer.getHeaders()))
                .bodyValue(Objects.requireNonNull(answer.getBody()))
                .flatMap(response -> response.writeTo(exchange, context));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
