package dev.genairesilience.provider.openai;

import dev.genairesilience.Resolution;
import dev.genairesilience.provider.http.AccessTokenCache;
import dev.genairesilience.provider.http.AccessTokenSources;
import dev.genairesilience.provider.http.ProviderCredential;
import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.provider.http.ProviderOptions;
import dev.genairesilience.spi.AccessTokenSource;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ImageProviderFactory;
import dev.genairesilience.spi.ProviderCapabilities;
import dev.genairesilience.spi.ProviderSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.EnumSet;
import java.util.Objects;

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
 * Authorization: the key ({@code api-key} of the provider) in the {@code api-key} header; or, with
 * {@code options.token-source} naming an {@link AccessTokenSource} bean, a Microsoft Entra ID token (scope
 * {@code https://cognitiveservices.azure.com/.default}, which the bean asks for) as {@code Authorization: Bearer},
 * as Microsoft Learn's "Authentication" section of the Azure OpenAI REST reference describes; the token is cached
 * and fetched again before it expires or after a {@code 401} (see {@link AccessTokenCache}). A provider with a
 * token source needs no key, and one with both fails start-up naming both properties.
 *
 * <p>Wait hints: {@code retry-after-ms}, {@code x-ms-retry-after-ms} and {@code Retry-After}, read by the failure
 * classification. Azure's content filter answers 400 with {@code content_policy_violation},
 * {@code content_filter} or {@code contentFilter}, read as a content block. Azure documents no free per-deployment
 * read, so these providers are never probed.
 */
public class AzureOpenAiProviderFactory implements ImageProviderFactory {

    /** The option choosing the deployment form of the API, with this {@code api-version}. */
    public static final String API_VERSION = "api-version";

    /** The option naming the model the deployment runs. */
    public static final String BASE_MODEL = "base-model";

    private static final String API = "Azure OpenAI Images API";

    private final AccessTokenSources tokenSources;

    /** @param tokenSources where the beans {@code options.token-source} names are found */
    public AzureOpenAiProviderFactory(AccessTokenSources tokenSources) {
        this.tokenSources = Objects.requireNonNull(tokenSources, "tokenSources");
    }

    @Override
    public String type() {
        return "azure-openai";
    }

    /** A key, unless {@code options.token-source} names a bean that gives Entra tokens instead. */
    @Override
    public boolean requiresApiKey(ProviderSettings settings) {
        String tokenSource = settings.options().get(AccessTokenSources.OPTION);
        return tokenSource == null || tokenSource.isBlank();
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
        ProviderCapabilities capabilities =
                ProviderOptions.capabilities(settings, EnumSet.of(Resolution.ONE_K), family.aspectRatios());
        String apiVersion = settings.options().get(API_VERSION);
        ProviderCredential credential = credential(settings);
        ImagesEndpoint endpoint = apiVersion == null || apiVersion.isBlank()
                ? ImagesEndpoint.azureV1(baseUrl, credential)
                : ImagesEndpoint.azureDeployment(baseUrl, deployment, apiVersion.trim(), credential);
        ProviderHttpClient http = new ProviderHttpClient(settings.id(), httpClient, settings.maxResponseBytes());
        return new OpenAiImageProvider(settings.id(), deployment, family, capabilities, settings.timeout(),
                new OpenAiImagesApi(http, endpoint, API), false);
    }

    private ProviderCredential credential(ProviderSettings settings) {
        AccessTokenCache tokens = tokenSources.named(settings);
        if (tokens == null) {
            return ProviderCredential.key("api-key", "", settings.apiKey());
        }
        if (settings.hasApiKey()) {
            throw new IllegalArgumentException("genai.providers." + settings.id() + ".api-key and "
                    + AccessTokenSources.property(settings) + " are both set: an azure-openai provider authorizes "
                    + "its calls with one of them; remove the other");
        }
        return ProviderCredential.bearer(tokens);
    }
}
