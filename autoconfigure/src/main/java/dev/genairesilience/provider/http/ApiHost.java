package dev.genairesilience.provider.http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Locale;

/**
 * An API's base URL and the credential header its calls carry, for APIs that answer URLs of their own (a job's
 * status, its result): those are resolved against the base, and the credential goes only to the API's own host or a
 * sibling of it under the same parent domain ({@code api.us1.bfl.ai} beside {@code api.bfl.ai}), on the same port,
 * never to another host, such as the one that serves the image.
 */
public final class ApiHost {

    private final URI base;
    private final String header;
    private final String credential;

    /**
     * @param baseUrl    such as {@code https://api.bfl.ai}
     * @param header     the header the credential goes in, such as {@code x-key}
     * @param credential the header's value, such as {@code Key …}; {@code null} or blank sends none
     */
    public ApiHost(URI baseUrl, String header, String credential) {
        String url = baseUrl.toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.header = header;
        this.credential = credential == null || credential.isBlank() ? null : credential;
    }

    /** {@code path} (relative, or an absolute URL the API answered) against the base URL. */
    public URI resolve(String path) {
        return base.resolve(path);
    }

    /** {@code request} to {@code target}, with the credential when {@code target} is the API's own. */
    public HttpRequest.Builder authorized(HttpRequest.Builder request, URI target) {
        if (credential != null && own(target)) {
            request.header(header, credential);
        }
        return request;
    }

    private boolean own(URI target) {
        String host = target.getHost();
        String ownHost = base.getHost();
        if (host == null || ownHost == null || target.getPort() != base.getPort()) {
            return false;
        }
        if (host.equalsIgnoreCase(ownHost)) {
            return true;
        }
        int dot = ownHost.indexOf('.');
        String parent = dot < 0 ? null : ownHost.substring(dot).toLowerCase(Locale.ROOT);
        return parent != null && parent.indexOf('.', 1) > 0 && host.toLowerCase(Locale.ROOT).endsWith(parent);
    }

    @Override
    public String toString() {
        return "ApiHost[" + base + ", " + header + (credential == null ? " none" : " set") + "]";
    }
}
