package dev.genairesilience.sample;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.JobState;
import dev.genairesilience.batch.ImageStore;
import dev.genairesilience.batch.StoredImage;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The off-peak queue over HTTP. {@code POST /api/jobs} takes the JSON of {@code POST /api/images} and answers
 * {@code 202 Accepted} with the job's {@code Location}; {@code GET /api/jobs/{id}} is the job; {@code GET
 * /api/jobs/{id}/image} is its image once it {@code SUCCEEDED}. An invalid request is refused at once with
 * {@code 400} and {@code application/problem+json} naming the field, and nothing is queued.
 */
@RestController
public class JobController {

    private final CatalogueImages catalogue;
    private final ImageGenerator generator;
    private final ImageStore store;

    public JobController(CatalogueImages catalogue, ImageGenerator generator, ImageStore store) {
        this.catalogue = catalogue;
        this.generator = generator;
        this.store = store;
    }

    /** A job as clients see it; {@code failureReason} only when it failed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record JobView(String id, JobState state, Instant estimatedCompletion, String failureReason) {

        static JobView of(ImageJob job) {
            return new JobView(job.id(), job.state(), job.estimatedCompletion(), job.failureReason());
        }
    }

    @PostMapping(path = "/api/jobs", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<JobView> submit(@RequestBody ImageController.ImageOrder order) {
        ImageRequest request = ImageRequest.builder(order.prompt())
                .resolution(order.resolution())
                .aspectRatio(order.aspectRatio())
                .build();
        ImageJob job = catalogue.catalogueShot(request);
        return ResponseEntity.accepted().location(URI.create("/api/jobs/" + job.id())).body(JobView.of(job));
    }

    @GetMapping("/api/jobs/{id}")
    public ResponseEntity<?> job(@PathVariable String id) {
        Optional<ImageJob> job = generator.job(id);
        return job.<ResponseEntity<?>>map(j -> ResponseEntity.ok(JobView.of(j))).orElseGet(() -> unknown(id));
    }

    @GetMapping("/api/jobs/{id}/image")
    public ResponseEntity<?> image(@PathVariable String id) {
        Optional<ImageJob> job = generator.job(id);
        if (job.isEmpty()) {
            return unknown(id);
        }
        if (job.get().state() != JobState.SUCCEEDED) {
            return problem(HttpStatus.CONFLICT,
                    "Job " + id + " is " + job.get().state() + "; its image is there once it is SUCCEEDED");
        }
        Optional<StoredImage> image = store.find(id);
        return image.<ResponseEntity<?>>map(i -> ResponseEntity.ok().contentType(MediaType.parseMediaType(i.mimeType()))
                .body(i.bytes())).orElseGet(() -> problem(HttpStatus.GONE, "The image of job " + id + " is gone"));
    }

    private static ResponseEntity<?> unknown(String id) {
        return problem(HttpStatus.NOT_FOUND, "No job " + id);
    }

    private static ResponseEntity<?> problem(HttpStatus status, String detail) {
        return ResponseEntity.of(ProblemDetail.forStatusAndDetail(status, detail)).build();
    }
}
