package dev.genairesilience.autoconfigure;

import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundles;

/** How the providers' HTTP client connects: {@code genai.http.proxy} and {@code genai.http.ssl-bundle}. */
final class HttpClientConnections {

    private HttpClientConnections() {
    }

    /**
     * @throws InvalidGenAiConfigurationException naming the property when the proxy has no host or port, or the SSL
     *                                            bundle does not exist
     */
    static void configure(HttpClient.Builder builder, GenAiProperties.Http http, SslBundles sslBundles) {
        URI proxy = http.getProxy();
        if (proxy != null) {
            if (proxy.getHost() == null || proxy.getPort() < 0) {
                throw new InvalidGenAiConfigurationException(List.of("genai.http.proxy: '" + proxy
                        + "' names no host and port, such as http://proxy.internal:3128"));
            }
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort())));
        }
        String bundle = http.getSslBundle();
        if (bundle != null && !bundle.isBlank()) {
            if (sslBundles == null) {
                throw new InvalidGenAiConfigurationException(List.of("genai.http.ssl-bundle: '" + bundle
                        + "' is set but the application has no SslBundles (spring.ssl.bundle.*)"));
            }
            try {
                builder.sslContext(sslBundles.getBundle(bundle).createSslContext());
            } catch (NoSuchSslBundleException e) {
                throw new InvalidGenAiConfigurationException(List.of("genai.http.ssl-bundle: no SSL bundle named '"
                        + bundle + "' (spring.ssl.bundle.jks." + bundle + " or spring.ssl.bundle.pem." + bundle + ")"),
                        e);
            }
        }
    }
}
