package dev.genairesilience.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.testkit.ModelBehaviour;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Type {@code vertex-ai} without a token-source bean: Google's Application Default Credentials, over real HTTP and
 * never to Google. The credentials are a service-account key in gcloud's well-known file under a {@code user.home} of
 * the test's own, whose {@code token_uri} is a token endpoint this test serves on 127.0.0.1; the library signs its
 * JWT grant with the key and the endpoint answers a token, which the emulator expects as the bearer token.
 */
class VertexAiDefaultCredentialsOverHttpTest extends EmulatedProvidersTest {

    private static final String MODEL = "imagen-4.0-fast-generate-001";
    private static final String ADC_TOKEN = "ya29.adc-token-from-127-0-0-1";

    @TempDir
    Path home;

    @Test
    void theApplicationDefaultCredentialsTokenIsSentAsTheBearerToken() throws Exception {
        assumeTrue(System.getenv("GOOGLE_APPLICATION_CREDENTIALS") == null && System.getenv("CLOUDSDK_CONFIG") == null,
                "the environment names credentials of its own");
        List<String> grants = new CopyOnWriteArrayList<>();
        HttpServer tokenEndpoint = tokenEndpoint(grants);
        String userHome = System.getProperty("user.home");
        try {
            writeServiceAccountKey(home.resolve(".config/gcloud/application_default_credentials.json"),
                    "http://127.0.0.1:" + tokenEndpoint.getAddress().getPort() + "/token");
            System.setProperty("user.home", home.toString());
            ModelBehaviour imagen = emulator().model(MODEL).expectApiKey(ADC_TOKEN);
            run(new ApplicationContextRunner(), List.of("genai.providers.vertex.type=vertex-ai",
                    "genai.providers.vertex.model=" + MODEL, "genai.providers.vertex.base-url=" + emulator().baseUrl(),
                    "genai.providers.vertex.options.project=my-project",
                    "genai.providers.vertex.options.location=us-central1", "genai.chains.main.providers=vertex"),
                    context -> {
                        assertThat(generator(context).generate(ImageRequest.of("a red bicycle"))
                                .provider()).isEqualTo("vertex");

                        assertThat(imagen.recordedCalls().get(0).headers())
                                .containsEntry("authorization", "Bearer " + ADC_TOKEN);
                        assertThat(grants).hasSize(1);
                        assertThat(grants.get(0)).contains("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type"
                                + "%3Ajwt-bearer").contains("assertion=");
                    });
        } finally {
            System.setProperty("user.home", userHome);
            tokenEndpoint.stop(0);
        }
    }

    /** Answers every POST with a token valid for an hour, keeping the request bodies. */
    private static HttpServer tokenEndpoint(List<String> grants) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/token", exchange -> {
            grants.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = ("{\"access_token\":\"" + ADC_TOKEN + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    /** A service-account key file with a fresh RSA key, its token_uri at {@code tokenUri}. */
    private static void writeServiceAccountKey(Path file, String tokenUri) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\\n"
                + Base64.getEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\\n-----END PRIVATE KEY-----\\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"type\":\"service_account\",\"project_id\":\"my-project\","
                + "\"private_key_id\":\"k1\",\"private_key\":\"" + pem + "\","
                + "\"client_email\":\"genai@my-project.iam.gserviceaccount.com\",\"client_id\":\"1\","
                + "\"token_uri\":\"" + tokenUri + "\"}");
    }
}
