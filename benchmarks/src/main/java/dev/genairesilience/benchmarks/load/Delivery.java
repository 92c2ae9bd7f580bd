package dev.genairesilience.benchmarks.load;

import dev.genairesilience.Resolution;
import java.util.Objects;

/**
 * What a served request got.
 *
 * @param model      the model that delivered the image
 * @param resolution the resolution it was asked at, as the call that delivered it was sent
 */
public record Delivery(String model, Resolution resolution) {

    public Delivery {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(resolution, "resolution");
    }
}
