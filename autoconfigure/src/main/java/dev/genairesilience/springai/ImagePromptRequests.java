package dev.genairesilience.springai;

import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.Resolution;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.ai.image.ImageMessage;
import org.springframework.ai.image.ImageOptions;
import org.springframework.ai.image.ImagePrompt;

/**
 * Reads a Spring AI {@link ImagePrompt} as an {@link ImageRequest}: the instructions' texts are the prompt; width
 * and height give the resolution (by the long side: 4096 pixels or more 4K, 2048 or more 2K, else 1K) and, both
 * given, the aspect ratio in lowest terms ({@code 1536x1024} is {@code 3:2}); {@code n} must be 1 or unset. The
 * other options ({@code responseFormat}, {@code style}) have no counterpart and are not read: the image always
 * comes back as base64.
 */
final class ImagePromptRequests {

    private ImagePromptRequests() {
    }

    /** @throws GenerationRejectedException naming the field when the prompt cannot be asked of a chain */
    static ImageRequest toRequest(ImagePrompt prompt) {
        ImageRequest.Builder request = ImageRequest.builder(text(prompt.getInstructions()));
        ImageOptions options = prompt.getOptions();
        if (options == null) {
            return request.build();
        }
        if (options.getN() != null && options.getN() != 1) {
            throw new GenerationRejectedException("n", "a chain draws one image per call; asked " + options.getN());
        }
        Integer width = positive("width", options.getWidth());
        Integer height = positive("height", options.getHeight());
        if (width != null || height != null) {
            request.resolution(resolutionOf(Math.max(width == null ? 0 : width, height == null ? 0 : height)));
        }
        if (width != null && height != null) {
            int gcd = BigInteger.valueOf(width).gcd(BigInteger.valueOf(height)).intValue();
            request.aspectRatio(width / gcd + ":" + height / gcd);
        }
        return request.build();
    }

    private static String text(List<ImageMessage> instructions) {
        String text = instructions == null ? "" : instructions.stream().map(ImageMessage::getText)
                .filter(Objects::nonNull).map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.joining("\n"));
        if (text.isEmpty()) {
            throw new GenerationRejectedException("prompt", "the ImagePrompt has no instruction text");
        }
        return text;
    }

    private static Integer positive(String field, Integer value) {
        if (value != null && value < 1) {
            throw new GenerationRejectedException(field, "must be at least 1 pixel, was " + value);
        }
        return value;
    }

    private static Resolution resolutionOf(int longSide) {
        if (longSide >= Resolution.FOUR_K.longSide()) {
            return Resolution.FOUR_K;
        }
        return longSide >= Resolution.TWO_K.longSide() ? Resolution.TWO_K : Resolution.ONE_K;
    }
}
