package dev.genairesilience.provider.openai;

import dev.genairesilience.provider.http.ProviderCredential;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where an Images API ({@code images/generations}) is and how a call is authorized: OpenAI's own, or Azure
 * OpenAI's in its two forms, with its key or a Microsoft Entra bearer token. The body and the answers are the same
 * everywhere; only this differs.
 *
 * @param generations the {@code images/generations} URL, query included
 * @param models      the URL model descriptions are read under ({@code …/models/}), ending in {@code /}; {@code null}
 *                    where the API has none
 * @param credential  how calls are authorized (its {@code toString} shows no key)
 * @param modelInBody whether the body names the model (an Azure deployment URL names it already)
 */
record ImagesEndpoint(URI generations, URI models, ProviderCredential credential, boolean modelInBody) {

    /** OpenAI's: {@code {base}/v1/images/generations}, key as a bearer token. */
    static ImagesEndpoint openAi(URI baseUrl, String key) {
        String base = trimmed(baseUrl);
        return new ImagesEndpoint(URI.create(base + "/v1/images/generations"), URI.create(base + "/v1/models/"),
                ProviderCredential.key("Authorization", "Bearer ", key), true);
    }

    /** Azure OpenAI's v1 API: {@code {base}/openai/v1/images/generations}, the deployment as the body's model. */
    static ImagesEndpoint azureV1(URI baseUrl, ProviderCredential credential) {
        String base = trimmed(baseUrl);
        return new ImagesEndpoint(URI.create(base + "/openai/v1/images/generations"), null, credential, true);
    }

    /**
     * Azure OpenAI's deployment form:
     * {@code {base}/openai/deployments/{deployment}/images/generations?api-version={apiVersion}}.
     */
    static ImagesEndpoint azureDeployment(URI baseUrl, String deployment, String apiVersion,
            ProviderCredential credential) {
        String base = trimmed(baseUrl);
        String path = base + "/openai/deployments/" + URLEncoder.encode(deployment, StandardCharsets.UTF_8)
                + "/images/generations?api-version=" + URLEncoder.encode(apiVersion, StandardCharsets.UTF_8);
        return new ImagesEndpoint(URI.create(path), null, credential, false);
    }

    private static String trimmed(URI baseUrl) {
        String url = baseUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "ImagesEndpoint[" + generations + ", " + credential + "]";
    }
}
