package dev.genairesilience.batch.worker;

import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /jobs} with the prompt as the body submits to the {@code catalogue} chain; {@code GET /jobs/{id}}. */
@RestController
class WorkerJobController {

    private final ImageGenerator generator;

    WorkerJobController(ImageGenerator generator) {
        this.generator = generator;
    }

    @PostMapping("/jobs")
    ImageJob submit(@RequestBody String prompt) {
        return generator.submit("catalogue", ImageRequest.of(prompt));
    }

    @GetMapping("/jobs/{id}")
    ResponseEntity<ImageJob> job(@PathVariable String id) {
        return ResponseEntity.of(generator.job(id));
    }
}
