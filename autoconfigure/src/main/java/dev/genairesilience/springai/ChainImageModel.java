package dev.genairesilience.springai;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationRejectedException;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.ai.image.Image;
import org.springframework.ai.image.ImageGeneration;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;

/**
 * The engine's chains as a Spring AI {@link ImageModel}: {@code call(new ImagePrompt("a red bicycle"))} generates
 * through the default chain, with retries, breakers, fallback and degradation, and answers one base64 image whose
 * provenance is the response's {@link GenAiImageResponseMetadata}. The prompt's {@code model} option, when it names
 * a configured chain, picks that chain; any other model name is left to the default chain, so Spring AI code that
 * names its usual model runs unchanged. Width and height become the request's resolution (by the long side: 4096
 * pixels or more 4K, 2048 or more 2K, else 1K) and aspect ratio (in lowest terms); {@code n} must be 1 or unset.
 *
 * <p>Failures become Spring AI's: {@link GenerationUnavailableException} (nothing could deliver in time; its
 * {@code retryAfter()} says when to try again) is the cause of a {@link TransientAiException};
 * {@link GenerationRejectedException} (an invalid request or a blocked prompt) of a {@link NonTransientAiException}.
 */
public final class ChainImageModel implements ImageModel {

    private final ImageGenerator generator;
    private final Set<String> chains;

    /**
     * @param generator the engine
     * @param chains    the configured chain names, which the prompt's {@code model} option may pick
     */
    public ChainImageModel(ImageGenerator generator, Set<String> chains) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.chains = Set.copyOf(chains);
    }

    @Override
    public ImageResponse call(ImagePrompt prompt) {
        try {
            ImageRequest request = ImagePromptRequests.toRequest(prompt);
            String chain = chainOf(prompt);
            GeneratedImage image = chain == null ? generator.generate(request) : generator.generate(chain, request);
            Image output = new Image(null, Base64.getEncoder().encodeToString(image.bytes()));
            return new ImageResponse(List.of(new ImageGeneration(output)), new GenAiImageResponseMetadata(image));
        } catch (GenerationUnavailableException e) {
            throw new TransientAiException(e.getMessage(), e);
        } catch (GenerationRejectedException e) {
            throw new NonTransientAiException(e.getMessage(), e);
        }
    }

    private String chainOf(ImagePrompt prompt) {
        String model = prompt.getOptions() == null ? null : prompt.getOptions().getModel();
        return model != null && chains.contains(model.trim()) ? model.trim() : null;
    }

    @Override
    public String toString() {
        return "ChainImageModel[chains=" + chains + "]";
    }
}
