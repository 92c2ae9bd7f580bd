package dev.genairesilience.web;

import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.PromptBlockedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The problem+json answers to the engine's failures, one rule for servlet and reactive applications alike:
 * {@code 503} with {@code Retry-After}, {@code 422} for a refused prompt, {@code 400} naming the field. No prompt
 * ever appears: the exceptions' messages never carry one.
 */
final class GenerationProblems {

    private GenerationProblems() {
    }

    /**
     * The answer to {@code failure}, or to the first of the engine's exceptions among its causes (a future's
     * {@code CompletionException}, say); {@code null} when there is none.
     */
    static ResponseEntity<ProblemDetail> answer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GenerationUnavailableException e) {
                return unavailable(e);
            }
            if (t instanceof PromptBlockedException e) {
                return blocked(e);
            }
            if (t instanceof GenerationRejectedException e) {
                return rejected(e);
            }
        }
        return null;
    }

    /** {@code 503 Service Unavailable} with {@code Retry-After} in seconds. */
    static ResponseEntity<ProblemDetail> unavailable(GenerationUnavailableException e) {
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
    static ResponseEntity<ProblemDetail> blocked(PromptBlockedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "The image provider's content policy refused the prompt; nothing was generated and nothing was "
                        + "charged. " + e.getMessage());
        problem.setTitle("Prompt refused by the provider's content policy");
        problem.setProperty("field", e.field());
        problem.setProperty("provider", e.provider());
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** {@code 400 Bad Request} naming the field at fault. */
    static ResponseEntity<ProblemDetail> rejected(GenerationRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid image request");
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
