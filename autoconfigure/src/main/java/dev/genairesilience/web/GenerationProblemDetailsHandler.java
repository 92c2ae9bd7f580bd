package dev.genairesilience.web;

import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.PromptBlockedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the engine's failures that reach a controller unhandled into {@code application/problem+json}:
 * {@code 503} with {@code Retry-After} when no provider could deliver, {@code 422} when a provider's content policy
 * refused the prompt, {@code 400} naming the field when the request is invalid. Ordered last, so the application's
 * own advice wins. No prompt ever appears.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class GenerationProblemDetailsHandler {

    /** {@code 503 Service Unavailable} with {@code Retry-After} in seconds. */
    @ExceptionHandler(GenerationUnavailableException.class)
    public ResponseEntity<ProblemDetail> unavailable(GenerationUnavailableException e) {
        long retryAfterSeconds = e.retryAfterSeconds();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "No image was generated and nothing was charged: every image provider is busy or unavailable right"
                        + " now. Try again in " + retryAfterSeconds + " seconds.");
        problem.setTitle("Image generation unavailable");
        problem.setProperty("retryAfterSeconds", retryAfterSeconds);
        problem.setProperty("attempts", e.attempts().size());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** {@code 422 Unprocessable Content}: the provider's content policy refused the prompt; nothing was generated. */
    @ExceptionHandler(PromptBlockedException.class)
    public ResponseEntity<ProblemDetail> blocked(PromptBlockedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "The image provider's content policy refused the prompt; nothing was generated and nothing was "
                        + "charged. " + e.getMessage());
        problem.setTitle("Prompt refused by the provider's content policy");
        problem.setProperty("field", e.field());
        problem.setProperty("provider", e.provider());
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** {@code 400 Bad Request} naming the field at fault. */
    @ExceptionHandler(GenerationRejectedException.class)
    public ResponseEntity<ProblemDetail> rejected(GenerationRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid image request");
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
