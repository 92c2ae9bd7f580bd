package dev.genairesilience.sample;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.Resolution;
import dev.genairesilience.autoconfigure.GenAiChainProperties;
import dev.genairesilience.autoconfigure.GenAiProperties;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/generations}: the order of {@code POST /api/images}, answered as JSON for the sample's page: the
 * image inline, its attempt trail, the steps passed over and why, and why it is degraded. Failures are the same
 * {@code application/problem+json} answers as {@code POST /api/images}.
 */
@RestController
public class GenerationController {

    private final ProductImages images;
    private final Resolution chainResolution;
    private final DegradationReasons reasons;

    public GenerationController(ProductImages images, GenAiProperties properties) {
        this.images = images;
        GenAiChainProperties chain = properties.getChains().get(ProductImages.CHAIN);
        if (chain == null || chain.getProviders().isEmpty()) {
            throw new IllegalStateException("The sample needs genai.chains." + ProductImages.CHAIN
                    + ".providers; application.yml sets it");
        }
        this.chainResolution = Resolution.parse(chain.getResolution());
        this.reasons = new DegradationReasons(chain.getProviders().get(0), chain.getLastResort());
    }

    @PostMapping(path = "/api/generations", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public GenerationView generate(@RequestBody ImageController.ImageOrder order) {
        GeneratedImage image = images.productShot(order.toRequest());
        Resolution asked = order.resolution() == null || order.resolution().isBlank() ? chainResolution
                : Resolution.parse(order.resolution());
        return GenerationView.of(image, asked.label(), reasons.of(image, asked));
    }
}
