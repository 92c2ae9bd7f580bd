package dev.genairesilience.provider.vertex;

import dev.genairesilience.provider.gemini.GeminiApi;
import dev.genairesilience.provider.gemini.GeminiImageProvider;
import dev.genairesilience.provider.http.AccessTokenCache;
import dev.genairesilience.provider.http.AccessTokenSources;
import dev.genairesilience.provider.http.ProviderCredential;
import dev.genairesilience.provider.http.ProviderHttpClient;
import dev.genairesilience.provider.http.ProviderOptions;
import dev.genairesilience.spi.AccessTokenSource;
import dev.genairesilience.spi.ImageProvider;
import dev.genairesilience.spi.ImageProviderFactory;
import dev.genairesilience.spi.ProviderSettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import org.springframework.util.ClassUtils;

/**
 * Providers of type {@code vertex-ai}: Google's image models on Vertex AI, with an OAuth 2 bearer token. Followed:
 * the Vertex AI REST reference, {@code v1} (2025): "Generate content with the Gemini API in Vertex AI" and the
 * "Imagen API" model reference.
 * <ul>
 *   <li>{@code options.project} and {@code options.location} (both required): the Google Cloud project and a region
 *       such as {@code us-central1}, or {@code global}. The host is
 *       {@code https://{location}-aiplatform.googleapis.com}, for {@code global}
 *       {@code https://aiplatform.googleapis.com}; {@code base-url} replaces it (the testkit
 *       emulator, a private endpoint);</li>
 *   <li>a Gemini model ({@code gemini-2.5-flash-image}, {@code gemini-3-pro-image-preview}…):
 *       {@code POST …/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:generateContent},
 *       the Gemini API's request and answer (see {@link GeminiApi}, whose content-block rule applies), with the
 *       {@code gemini} type's capabilities by model;</li>
 *   <li>an Imagen model ({@code imagen-*}): {@code …/models/{model}:predict} (see {@code ImagenApi} and
 *       {@code ImagenImageProvider} for the body and capabilities).</li>
 * </ul>
 * The options {@code resolutions} and {@code aspect-ratios} override the capabilities. Errors come in Google's
 * format ({@code {"error":{"code","status","message"}}}), classified by their {@code status} as the Gemini API's are,
 * {@code Retry-After} read where sent.
 *
 * <p>Tokens, never an API key (a provider given {@code api-key} fails start-up): {@code options.token-source} names
 * an {@link AccessTokenSource} bean; without it, the application's only bean of that type; without one, Google's
 * Application Default Credentials through {@code com.google.auth:google-auth-library-oauth2-http}, which the
 * application adds (the starter has it as an optional dependency). Neither there, or no default credentials found,
 * fails start-up naming the provider. Tokens are cached and fetched again before they expire or after a {@code 401}
 * (see {@link AccessTokenCache}).
 *
 * <p>No warm-up read and no probes: Vertex AI's publisher-model read ({@code GET …/publishers/google/models/{model}})
 * is a Model Garden catalogue read without the project, so it would not show whether the project may call the model
 * in that location, and its quota and cost are not documented.
 */
public class VertexAiProviderFactory implements ImageProviderFactory {

    /** The option naming the Google Cloud project. */
    public static final String PROJECT = "project";

    /** The option naming the location: a region, or {@code global}. */
    public static final String LOCATION = "location";

    private static final String API = "Vertex AI";

    private final AccessTokenSources tokenSources;
    private final ClassLoader classLoader;

    /**
     * @param tokenSources where the {@code AccessTokenSource} beans are found
     * @param classLoader  where Google's auth library is looked for
     */
    public VertexAiProviderFactory(AccessTokenSources tokenSources, ClassLoader classLoader) {
        this.tokenSources = Objects.requireNonNull(tokenSources, "tokenSources");
        this.classLoader = classLoader;
    }

    @Override
    public String type() {
        return "vertex-ai";
    }

    /** Its calls carry tokens, not a key. */
    @Override
    public boolean requiresApiKey() {
        return false;
    }

    @Override
    public ImageProvider create(ProviderSettings settings, HttpClient httpClient) {
        if (settings.hasApiKey()) {
            throw new IllegalArgumentException("genai.providers." + settings.id() + ".api-key: type vertex-ai sends "
                    + "OAuth 2 tokens, not keys; remove it (see " + AccessTokenSources.property(settings) + ")");
        }
        String model = ProviderOptions.requireModel(settings);
        String project = requireOption(settings, PROJECT, "the Google Cloud project id");
        String location = requireOption(settings, LOCATION, "a region such as us-central1, or global");
        VertexEndpoint endpoint;
        try {
            endpoint = VertexEndpoint.of(settings.baseUrl(), project, location, model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("genai.providers." + settings.id() + ".options: " + e.getMessage());
        }
        ProviderCredential credential = ProviderCredential.bearer(tokens(settings));
        ProviderHttpClient http = new ProviderHttpClient(settings.id(), httpClient, settings.maxResponseBytes());
        if (ImagenImageProvider.isImagen(model)) {
            return ImagenImageProvider.of(settings, model, new ImagenApi(http, endpoint.predict(), credential));
        }
        return GeminiImageProvider.of(settings, model, GeminiApi.at(http, endpoint.generateContent(), credential, API));
    }

    private AccessTokenCache tokens(ProviderSettings settings) {
        AccessTokenCache bean = tokenSources.namedOrOnly(settings);
        if (bean != null) {
            return bean;
        }
        if (!ClassUtils.isPresent(GoogleAdcTokenSource.LIBRARY_CLASS, classLoader)) {
            throw new IllegalArgumentException("type vertex-ai needs OAuth 2 tokens: declare an AccessTokenSource bean "
                    + "(named by " + AccessTokenSources.property(settings) + " when there are several), or add "
                    + "com.google.auth:google-auth-library-oauth2-http for Google's Application Default Credentials");
        }
        return tokenSources.cache(settings, adc(settings));
    }

    private static AccessTokenSource adc(ProviderSettings settings) {
        try {
            return GoogleAdcTokenSource.load();
        } catch (IOException e) {
            throw new IllegalArgumentException("type vertex-ai found no Google Application Default Credentials ("
                    + e.getMessage() + "); set GOOGLE_APPLICATION_CREDENTIALS to a key file, or declare an "
                    + "AccessTokenSource bean and name it in " + AccessTokenSources.property(settings), e);
        }
    }

    private static String requireOption(ProviderSettings settings, String option, String what) {
        String value = settings.options().get(option);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("genai.providers." + settings.id() + ".options." + option
                    + " is required for type vertex-ai: " + what);
        }
        return value.trim();
    }
}
