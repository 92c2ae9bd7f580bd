package dev.genairesilience.provider.vertex;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a publisher model of Google on Vertex AI is called:
 * {@code {host}/v1/projects/{project}/locations/{location}/publishers/google/models/{model}:{method}}, the host being
 * {@code https://{location}-aiplatform.googleapis.com} for a region and {@code https://aiplatform.googleapis.com} for
 * the location {@code global}, unless a {@code base-url} replaces it.
 */
final class VertexEndpoint {

    /** The location whose host has no region prefix. */
    static final String GLOBAL = "global";

    // both go into the URL, the location into the host name: nothing else may
    private static final Pattern LOCATION = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern PROJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,62}");

    private final String modelUrl;

    private VertexEndpoint(String modelUrl) {
        this.modelUrl = modelUrl;
    }

    /**
     * @param baseUrl  replaces the host ({@code scheme://host[:port]}), or {@code null} for Google's
     * @param project  the project id or number
     * @param location a region such as {@code us-central1}, or {@code global}
     * @param model    the publisher model id, such as {@code gemini-2.5-flash-image}
     * @throws IllegalArgumentException when the project or location is not of the form Google uses (the message names
     *                                  neither property: the caller adds it)
     */
    static VertexEndpoint of(URI baseUrl, String project, String location, String model) {
        Objects.requireNonNull(model, "model");
        if (!PROJECT.matcher(project).matches()) {
            throw new IllegalArgumentException("project '" + project + "' is not a Google Cloud project id");
        }
        if (!LOCATION.matcher(location).matches()) {
            throw new IllegalArgumentException("location '" + location + "' is not a Vertex AI location, such as "
                    + "us-central1 or global");
        }
        String host = baseUrl != null ? stripSlash(baseUrl.toString())
                : GLOBAL.equals(location) ? "https://aiplatform.googleapis.com"
                : "https://" + location + "-aiplatform.googleapis.com";
        return new VertexEndpoint(host + "/v1/projects/" + project + "/locations/" + location
                + "/publishers/google/models/" + URLEncoder.encode(model, StandardCharsets.UTF_8));
    }

    /** The model's {@code :generateContent} URL. */
    URI generateContent() {
        return URI.create(modelUrl + ":generateContent");
    }

    /** The model's {@code :predict} URL. */
    URI predict() {
        return URI.create(modelUrl + ":predict");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "VertexEndpoint[" + modelUrl + "]";
    }
}
