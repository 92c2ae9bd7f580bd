package dev.genairesilience.web;

import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.PromptBlockedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the engine's failures that reach a controller unhandled into {@code application/problem+json}:
 * {@code 503} with {@code Retry-After} when no provider could deliver, {@code 422} when a provider's content policy
 * refused the prompt, {@code 400} naming the field when the request is invalid. Ordered last, so the application's
 * own advice wins. No prompt ever appears. Reactive applications get the same answers from
 * {@link GenerationProblemWebExceptionHandler}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class GenerationProblemDetailsHandler {

    /** {@code 503 Service Unavailable} with {@code Retry-After} in seconds. */
    @ExceptionHandler(GenerationUnavailableException.class)
    public ResponseEntity<ProblemDetail> unavailable(GenerationUnavailableException e) {
        return GenerationProblems.unavailable(e);
    }

    /** {@code 422 Unprocessable Content}: the provider's content policy refused the prompt; nothing was generated. */
    @ExceptionHandler(PromptBlockedException.class)
    public ResponseEntity<ProblemDetail> blocked(PromptBlockedException e) {
        return GenerationProblems.blocked(e);
    }

    /** {@code 400 Bad Request} naming the field at fault. */
    @ExceptionHandler(GenerationRejectedException.class)
    public ResponseEntity<ProblemDetail> rejected(GenerationRejectedException e) {
        return GenerationProblems.rejected(e);
    }
}
