package dev.genairesilience.provider.springai;

import dev.genairesilience.Resolution;
import dev.genairesilience.provider.http.ProviderOptions;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ImageProviderFactory;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderSettings;
import java.net.http.HttpClient;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.ai.image.ImageModel;
import org.springframework.beans.factory.ListableBeanFactory;

/**
 * Providers of type {@code spring-ai}: the application's Spring AI {@link ImageModel} bean named by
 * {@code genai.providers.<id>.options.bean} becomes a step of a chain. Its key, base URL and HTTP client are the
 * model's own; {@code genai.providers.<id>.model}, when set, is sent as the prompt's {@code model} option.
 *
 * <p>Resolution and aspect ratio are sent as the prompt's width and height (the resolution's long side, the short
 * side from the ratio in multiples of 16). By default a model serves 1K at 1:1, which every Spring AI image model
 * accepts; the options {@code resolutions} and {@code aspect-ratios} say what else it takes (see
 * {@link ProviderOptions}). The option {@code response-format} is sent as the prompt's {@code responseFormat} (such
 * as {@code b64_json} for OpenAI's dall-e models, which answer a URL otherwise); an answer without base64 image
 * data is malformed.
 */
public class SpringAiProviderFactory implements ImageProviderFactory, AutoCloseable {

    /** The option naming the {@code ImageModel} bean. */
    public static final String BEAN = "bean";

    /** The option sent as the prompt's {@code responseFormat}. */
    public static final String RESPONSE_FORMAT = "response-format";

    private final ListableBeanFactory beans;
    private final Class<? extends ImageModel> chainModelType;
    private final ModelCalls calls = new ModelCalls();
    private final SingleAttemptGuard guard = new SingleAttemptGuard();

    /**
     * @param beans          where the {@code ImageModel} beans are looked up, when the providers are created
     * @param chainModelType the type of the engine's own {@code ImageModel} over a chain, refused as a step (it would
     *                       call a chain from within a chain)
     */
    public SpringAiProviderFactory(ListableBeanFactory beans, Class<? extends ImageModel> chainModelType) {
        this.beans = Objects.requireNonNull(beans, "beans");
        this.chainModelType = Objects.requireNonNull(chainModelType, "chainModelType");
    }

    @Override
    public String type() {
        return "spring-ai";
    }

    /** The key is the model's own configuration ({@code spring.ai.openai.api-key}, …). */
    @Override
    public boolean requiresApiKey() {
        return false;
    }

    @Override
    public ImageProvider create(ProviderSettings settings, HttpClient httpClient) {
        String beanName = beanName(settings);
        ImageModel model = beans.getBean(beanName, ImageModel.class);
        guard.install(settings.id(), beanName, model);
        ProviderCapabilities capabilities =
                ProviderOptions.capabilities(settings, EnumSet.of(Resolution.ONE_K), Set.of("1:1"));
        String modelOption = settings.model() == null || settings.model().isBlank() ? null : settings.model().trim();
        return SpringAiImageProvider.builder(settings.id(), model)
                .modelName(modelOption == null ? beanName : modelOption).modelOption(modelOption)
                .responseFormat(settings.options().get(RESPONSE_FORMAT)).capabilities(capabilities)
                .timeout(settings.timeout()).calls(calls).guard(guard).build();
    }

    /** Ends the threads the models' calls run on. */
    @Override
    public void close() {
        calls.close();
    }

    private String beanName(ProviderSettings settings) {
        String property = "genai.providers." + settings.id() + ".options." + BEAN;
        String name = settings.options().get(BEAN);
        List<String> models = Arrays.stream(beans.getBeanNamesForType(ImageModel.class, true, false))
                .filter(model -> !beans.isTypeMatch(model, chainModelType)).toList();
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(property + " is required for type spring-ai: the name of an ImageModel "
                    + "bean; the application's are " + models);
        }
        name = name.trim();
        if (!beans.containsBean(name)) {
            throw new IllegalArgumentException(property + ": no bean named '" + name
                    + "'; the application's ImageModel beans are " + models);
        }
        if (beans.isTypeMatch(name, chainModelType)) {
            throw new IllegalArgumentException(property + ": '" + name + "' is a genai chain's own ImageModel, which "
                    + "would call its chain again; name a Spring AI model bean such as " + models);
        }
        if (!beans.isTypeMatch(name, ImageModel.class)) {
            throw new IllegalArgumentException(property + ": bean '" + name + "' is a " + beans.getType(name)
                    + ", not an org.springframework.ai.image.ImageModel");
        }
        return name;
    }
}
