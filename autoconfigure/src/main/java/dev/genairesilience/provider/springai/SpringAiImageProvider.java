package dev.genairesilience.provider.springai;

import dev.genairesilience.provider.ConfiguredImageProvider;
import dev.genairesilience.provider.http.ImageBytes;
import dev.genairesilience.spi.GenerationCall;
import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.spi.PixelSize;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderImage;
import java.time.Duration;
import java.util.Objects;
import org.springframework.ai.image.Image;
import org.springframework.ai.image.ImageGeneration;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImageOptionsBuilder;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;

/**
 * One Spring AI {@link ImageModel} as a provider: one {@code call} per {@link #generate}, asking one image of the
 * call's size, within the call's timeout; the model's exceptions are classified by the engine as they are thrown.
 */
final class SpringAiImageProvider extends ConfiguredImageProvider {

    /** Models work in blocks of 16 pixels; OpenAI's documented sizes are all multiples of it. */
    private static final int SIZE_MULTIPLE = 16;

    private final ImageModel model;
    private final String modelOption;
    private final String responseFormat;
    private final ModelCalls calls;
    private final SingleAttemptGuard guard;

    private SpringAiImageProvider(Builder b) {
        super(b.id, b.modelName, b.capabilities, b.timeout);
        this.model = b.model;
        this.modelOption = b.modelOption;
        this.responseFormat = b.responseFormat;
        this.calls = Objects.requireNonNull(b.calls, "calls");
        this.guard = Objects.requireNonNull(b.guard, "guard");
    }

    static Builder builder(String id, ImageModel model) {
        return new Builder(id, model);
    }

    @Override
    public ProviderImage generate(GenerationCall call) throws Exception {
        ImagePrompt prompt = prompt(call);
        ImageResponse response = calls.within(call.timeout(), () -> guard.run(() -> model.call(prompt)));
        return image(response);
    }

    private ImagePrompt prompt(GenerationCall call) {
        PixelSize size = call.ratio().fit(call.resolution().longSide(), SIZE_MULTIPLE);
        ImageOptionsBuilder options = ImageOptionsBuilder.builder().N(1).width(size.width()).height(size.height());
        if (modelOption != null) {
            options.model(modelOption);
        }
        if (responseFormat != null && !responseFormat.isBlank()) {
            options.responseFormat(responseFormat.trim());
        }
        return new ImagePrompt(call.prompt(), options.build());
    }

    private ProviderImage image(ImageResponse response) {
        ImageGeneration result = response == null ? null : response.getResult();
        Image image = result == null ? null : result.getOutput();
        if (image == null) {
            throw new MalformedResponseException(200, "the ImageModel answered without an image");
        }
        if ((image.getB64Json() == null || image.getB64Json().isBlank()) && image.getUrl() != null) {
            throw new MalformedResponseException(200, "the ImageModel answered a URL, not base64 image data; set "
                    + "genai.providers." + id() + ".options." + SpringAiProviderFactory.RESPONSE_FORMAT
                    + " (b64_json for OpenAI's dall-e models)");
        }
        return ImageBytes.fromBase64(200, image.getB64Json(), "the ImageModel's b64Json");
    }

    /** Builds a {@link SpringAiImageProvider}. */
    static final class Builder {

        private final String id;
        private final ImageModel model;
        private String modelName;
        private String modelOption;
        private String responseFormat;
        private ProviderCapabilities capabilities;
        private Duration timeout;
        private ModelCalls calls;
        private SingleAttemptGuard guard;

        private Builder(String id, ImageModel model) {
            this.id = id;
            this.model = Objects.requireNonNull(model, "model");
        }

        /** The model's name in provenance and metrics. */
        Builder modelName(String modelName) {
            this.modelName = modelName;
            return this;
        }

        /** Sent as the prompt's {@code model} option, or {@code null} for the model's default. */
        Builder modelOption(String modelOption) {
            this.modelOption = modelOption;
            return this;
        }

        /** Sent as the prompt's {@code responseFormat}, or {@code null} for the model's default. */
        Builder responseFormat(String responseFormat) {
            this.responseFormat = responseFormat;
            return this;
        }

        Builder capabilities(ProviderCapabilities capabilities) {
            this.capabilities = capabilities;
            return this;
        }

        Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Where the calls run, so that their timeout can be kept. */
        Builder calls(ModelCalls calls) {
            this.calls = calls;
            return this;
        }

        /** What ends the model's own retry after its first attempt. */
        Builder guard(SingleAttemptGuard guard) {
            this.guard = guard;
            return this;
        }

        SpringAiImageProvider build() {
            return new SpringAiImageProvider(this);
        }
    }
}
