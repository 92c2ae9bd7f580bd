package dev.genairesilience.it.operator;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an application's own endpoint looks like: it generates on the chain it is asked for and leaves every
 * engine exception to the starter's problem+json handling.
 */
@RestController
class ImagesController {

    private final ImageGenerator generator;

    ImagesController(ImageGenerator generator) {
        this.generator = generator;
    }

    @PostMapping(path = "/images", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> generate(@RequestParam String chain, @RequestParam String prompt,
            @RequestParam(required = false) String aspectRatio) {
        GeneratedImage image = generator.generate(chain, ImageRequest.builder(prompt).aspectRatio(aspectRatio).build());
        return ResponseEntity.ok().header("X-Provider", image.provider()).body(image.bytes());
    }
}
