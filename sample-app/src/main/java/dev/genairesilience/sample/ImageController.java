package dev.genairesilience.sample;

import dev.genairesilience.Attempt;
import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.SkippedStep;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/images}: the image bytes, with where they came from in {@code X-GenAI-*} headers.
 * Failures become {@code application/problem+json} through the starter's handler (503 with
 * {@code Retry-After} when no provider could deliver, 400 naming the field when the request is invalid).
 */
@RestController
public class ImageController {

    private final ProductImages images;

    public ImageController(ProductImages images) {
        this.images = images;
    }

    /** The JSON body of {@code POST /api/images}; only the prompt is required. */
    public record ImageOrder(String prompt, String resolution, String aspectRatio) {

        /** The request this order asks for; an empty resolution or aspect ratio means the chain's default. */
        ImageRequest toRequest() {
            return ImageRequest.builder(prompt).resolution(resolution).aspectRatio(aspectRatio).build();
        }
    }

    @PostMapping(path = "/api/images", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<byte[]> generate(@RequestBody ImageOrder order) {
        GeneratedImage image = images.productShot(order.toRequest());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.mimeType()))
                .header("X-GenAI-Provider", image.provider())
                .header("X-GenAI-Model", image.model())
                .header("X-GenAI-Resolution", image.resolution().label())
                .header("X-GenAI-Degraded", Boolean.toString(image.degraded()))
                .header("X-GenAI-Attempts", attempts(image))
                .header("X-GenAI-Skipped", skipped(image))
                .header("X-GenAI-Shared", Boolean.toString(image.shared()))
                .body(image.bytes());
    }

    private static String attempts(GeneratedImage image) {
        return image.attempts().size() + "; "
                + image.attempts().stream().map(Attempt::summary).collect(Collectors.joining(", "));
    }

    /** The steps passed over without a call, such as {@code 1; gemini-pro/2K:skipped(limit)}. */
    private static String skipped(GeneratedImage image) {
        return image.skipped().size() + (image.skipped().isEmpty() ? ""
                : "; " + image.skipped().stream().map(SkippedStep::summary).collect(Collectors.joining(", ")));
    }
}
