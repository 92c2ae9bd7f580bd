package dev.genairesilience.autoconfigure;

import dev.genairesilience.web.GenerationProblemWebExceptionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * In a reactive (WebFlux) web application, unhandled generation failures become {@code application/problem+json},
 * the same answers as {@link GenAiWebAutoConfiguration} gives a servlet one: {@code 503} with {@code Retry-After},
 * {@code 422} for a refused prompt, {@code 400} naming the field. The application's own {@code @ExceptionHandler}
 * advice comes first.
 */
@AutoConfiguration(after = GenAiAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(name = { "org.springframework.http.ProblemDetail",
        "org.springframework.web.reactive.DispatcherHandler", "reactor.core.publisher.Mono" })
@ConditionalOnProperty(prefix = "genai", name = "enabled", matchIfMissing = true)
public class GenAiReactiveWebAutoConfiguration {

    /**
     * Turns unhandled generation failures into problem details, written with the application's codecs (or
     * WebFlux's defaults when it has no {@link ServerCodecConfigurer} bean).
     */
    @Bean
    @ConditionalOnMissingBean
    public GenerationProblemWebExceptionHandler generationProblemWebExceptionHandler(
            ObjectProvider<ServerCodecConfigurer> codecs) {
        return new GenerationProblemWebExceptionHandler(codecs.getIfAvailable(ServerCodecConfigurer::create));
    }
}
