package dev.genairesilience.provider.openai;

import dev.genairesilience.Resolution;
import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.provider.http.ProviderOptions;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ImageProviderFactory;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.EnumSet;

/**
 * Providers of type {@code azure-openai}: an image model deployed on Azure OpenAI. The wire format is OpenAI's
 * Images API (the same body, answers and moderation codes), so it shares {@link OpenAiImagesApi}; what differs is
 * the URL and the key header ({@code api-key}). Followed: Microsoft Learn's Azure OpenAI REST reference for image
 * generation and its v1 API ("v1 Generally Available API", 2025).
 * <ul>
 *   <li>{@code base-url} (required): the resource endpoint, such as {@code https://my-resource.openai.azure.com};</li>
 *   <li>{@code model}: the deployment name;</li>
 *   <li>{@code options.api-version} unset: the v1 API, {@code POST {base-url}/openai/v1/images/generations} with
 *       the deployment as the body's {@code model}; set (such as {@code 2025-04-01-preview}): the deployment form,
 *       {@code POST {base-url}/openai/deployments/{deployment}/images/generations?api-version=…};</li>
 *   <li>{@code options.base-model}: the model the deployment runs ({@code gpt-image-1}, {@code dall-e-3}, …), which
 *       decides the sizes and whether base64 must be asked for; unset, it is read from the deployment name as for
 *       {@code openai}, and a name it does not know is treated like gpt-image.</li>
 * </ul>
 * Wait hints: {@code retry-after-ms}, {@code x-ms-retry-after-ms} and {@code Retry-After}, read by the failure
 * classification. Azure's content filter answers 400 with {@code content_policy_violation},
 * {@code content_filter} or {@code contentFilter}, read as a content block. Microsoft Entra bearer tokens are not
 * supported yet: the key goes in {@code api-key}. Azure documents no free per-deployment read, so these providers
 * are never probed.
 */
public class AzureOpenAiProviderFactory implements ImageProviderFactory {

    /** The option choosing the deployment form of the API, with this {@code api-version}. */
    public static final String API_VERSION = "api-version";

    /** The option naming the model the deployment runs. */
    public static final String BASE_MODEL = "base-model";

    private static final String API = "Azure OpenAI Images API";

    @Override
    public String type() {
        return "azure-openai";
    }

    @Override
    public ImageProvider create(ProviderSettings settings, HttpClient httpClient) {
        String deployment = ProviderOptions.requireModel(settings);
        URI baseUrl = settings.baseUrl();
        if (baseUrl == null) {
            throw new IllegalArgumentException("genai.providers." + settings.id() + ".base-url is required for type "
                    + type() + ": the resource endpoint, such as https://my-resource.openai.azure.com");
        }
        String baseModel = settings.options().getOrDefault(BASE_MODEL, deployment).trim();
        OpenAiModelFamily family = OpenAiModelFamily.of(baseModel);
        ProviderCapabilities capabilities = new ProviderCapabilities(
                ProviderOptions.resolutions(settings, EnumSet.of(Resolution.ONE_K)),
                ProviderOptions.aspectRatios(settings, family.aspectRatios()), false);
        String apiVersion = settings.options().get(API_VERSION);
        ImagesEndpoint endpoint = apiVersion == null || apiVersion.isBlank()
                ? ImagesEndpoint.azureV1(baseUrl, settings.apiKey())
                : ImagesEndpoint.azureDeployment(baseUrl, deployment, apiVersion.trim(), settings.apiKey());
        ProviderHttpClient http = new ProviderHttpClient(settings.id(), httpClient, settings.maxResponseBytes());
        return new OpenAiImageProvider(settings.id(), deployment, family, capabilities, settings.timeout(),
                new OpenAiImagesApi(http, endpoint, API), false);
    }
}
