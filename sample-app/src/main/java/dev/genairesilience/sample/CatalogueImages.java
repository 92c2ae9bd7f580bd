package dev.genairesilience.sample;

import dev.genairesilience.ImageGeneration;
import dev.genairesilience.ImageGeneration.Mode;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageRequest;
import org.springframework.stereotype.Service;

/** Catalogue images nobody waits for: accepted now, generated in the off-peak window. */
@Service
public class CatalogueImages {

    /**
     * Queued for the {@code catalogue} chain in {@code genai.batch.window}; the request is checked now, so a bad one
     * is refused at once. The body never runs: the returned job comes from the queue.
     */
    @ImageGeneration(chain = "catalogue", mode = Mode.OFF_PEAK)
    public ImageJob catalogueShot(ImageRequest request) {
        return null;
    }
}
