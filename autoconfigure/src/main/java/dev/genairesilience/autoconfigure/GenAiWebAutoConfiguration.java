package dev.genairesilience.autoconfigure;

import dev.genairesilience.web.GenerationProblemDetailsHandler;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * In a servlet web application, unhandled generation failures become {@code application/problem+json}:
 * {@code 503} with {@code Retry-After}, or {@code 400} naming the field. The application's own
 * {@code @ControllerAdvice} comes first.
 */
@AutoConfiguration(after = GenAiAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = { "org.springframework.http.ProblemDetail",
        "org.springframework.web.bind.annotation.RestControllerAdvice",
        "org.springframework.web.servlet.DispatcherServlet" })
@ConditionalOnProperty(prefix = "genai", name = "enabled", matchIfMissing = true)
public class GenAiWebAutoConfiguration {

    /** Turns unhandled generation failures into problem details; ordered after the application's own advice. */
    @Bean
    @ConditionalOnMissingBean
    public GenerationProblemDetailsHandler generationProblemDetailsHandler() {
        return new GenerationProblemDetailsHandler();
    }
}
