package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.genairesilience.Attempt;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.autoconfigure.GenAiAutoConfiguration;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.spi.GenAiHttpClientCustomizer;
import dev.genairesilience.testkit.ProviderEmulator;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The providers' HTTP client through a proxy on 127.0.0.1, and trusting a self-signed certificate by SSL bundle. */
class ConnectionsOverHttpTest extends EmulatedProvidersTest {

    private static final String PASSWORD = "changeit";
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "upgrade",
            "proxy-connection", "keep-alive", "transfer-encoding", "expect");

    @Test
    void everyProviderCallGoesThroughTheProxy() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer proxy = forwardingProxy(seen);
        try {
            run(with(geminiPair(), "genai.chains.main.providers=pro",
                    "genai.http.proxy=http://127.0.0.1:" + proxy.getAddress().getPort()), context -> {
                        assertThat(generator(context).generate(ImageRequest.of("a kite")).provider())
                                .isEqualTo("pro");
                        assertThat(seen).singleElement().satisfies(line -> assertThat(line)
                                .startsWith("POST " + emulator().baseUrl() + "/v1beta/models/" + PRO));
                        assertThat(emulator().model(PRO).calls()).isEqualTo(1);
                    });
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void theApplicationsCustomizersChangeTheSharedClient() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer proxy = forwardingProxy(seen);
        try {
            ProxySelector selector = ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.getAddress().getPort()));
            ApplicationContextRunner runner = new ApplicationContextRunner()
                    .withBean(GenAiHttpClientCustomizer.class, () -> builder -> builder.proxy(selector));
            run(runner, with(geminiPair(), "genai.chains.main.providers=pro"), context -> {
                assertThat(generator(context).generate(ImageRequest.of("a kite")).provider()).isEqualTo("pro");
                assertThat(seen).as("calls through the proxy the customizer set").hasSize(1);
            });
        } finally {
            proxy.stop(0);
        }
    }

    @Test
    void aSelfSignedProviderIsTrustedThroughAnSslBundleAndOnlyThen(@TempDir Path dir) throws Exception {
        Path keystore = selfSigned(dir);
        try (ProviderEmulator https = ProviderEmulator.startHttps(serverContext(keystore))) {
            https.model(PRO).expectApiKey(API_KEY);
            List<String> props = new ArrayList<>(provider("pro", "gemini", PRO));
            props.replaceAll(line -> line.startsWith("genai.providers.pro.base-url=")
                    ? "genai.providers.pro.base-url=" + https.baseUrl() : line);
            props.add("genai.chains.main.providers=pro");
            props.add("genai.retry.max-attempts=1");
            ApplicationContextRunner runner = new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class));

            run(runner, with(props, "spring.ssl.bundle.jks.emulator.truststore.location=file:" + keystore,
                    "spring.ssl.bundle.jks.emulator.truststore.password=" + PASSWORD,
                    "spring.ssl.bundle.jks.emulator.truststore.type=PKCS12", "genai.http.ssl-bundle=emulator"),
                    context -> assertThat(generator(context).generate(ImageRequest.of("a kite")).provider())
                            .isEqualTo("pro"));
            run(runner, props, context -> {
                GenerationUnavailableException untrusted = catchThrowableOfType(
                        GenerationUnavailableException.class,
                        () -> generator(context).generate(ImageRequest.of("a kite")));
                assertThat(untrusted.attempts()).extracting(Attempt::failure)
                        .containsExactly(FailureKind.CONNECTION);
            });
            assertThat(https.model(PRO).calls()).as("the untrusted call never reached it").isEqualTo(1);
        }
    }

    @Test
    void anUnknownSslBundleFailsAtStartUpNamingTheProperty() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class,
                GenAiAutoConfiguration.class))
                .withPropertyValues("genai.http.ssl-bundle=nowhere")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("genai.http.ssl-bundle: no SSL bundle named 'nowhere'"));
    }

    /** A proxy for plain HTTP: each request it gets names its absolute target, which it forwards. */
    private static HttpServer forwardingProxy(List<String> seen) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        HttpClient upstream = HttpClient.newHttpClient();
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            try {
                forward(exchange, upstream);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.start();
        return server;
    }

    private static void forward(HttpExchange exchange, HttpClient upstream) throws IOException, InterruptedException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        HttpRequest.Builder request = HttpRequest.newBuilder(exchange.getRequestURI())
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<byte[]> answer = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        answer.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
        exchange.getResponseBody().write(answer.body());
    }

    /** A PKCS12 key store with one self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private static Path selfSigned(Path dir) throws Exception {
        Path keystore = dir.resolve("emulator.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "emulator", "-keyalg",
                "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass",
                PASSWORD).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(Files.size(keystore)).isPositive();
        return keystore;
    }

    private static SSLContext serverContext(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }
}
