package dev.genairesilience.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.spi.FailureClassifier;
import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.spi.ProviderHttpException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltInClassifiersTest {

    private final FailureClassification classification =
            new FailureClassification(BuiltInClassifiers.all(Clock.systemUTC()));

    @Test
    void asksHttpThenSpringThenSpringAiThenProviderExceptionsThenIo() {
        assertThat(BuiltInClassifiers.all(Clock.systemUTC()))
                .extracting(c -> c.getClass().getSimpleName())
                .containsExactly("HttpFailureClassifier", "SpringClientFailureClassifier",
                        "SpringAiFailureClassifier", "ProviderExceptionClassifier", "IoFailureClassifier");
    }

    @Test
    void malformedResponseIsMalformedWithItsStatusAndMessage() {
        Failure failure = classification.classify(new MalformedResponseException(200, "data[0].b64_json is missing"));

        assertThat(failure)
                .extracting(Failure::kind, Failure::httpStatus, Failure::message)
                .containsExactly(FailureKind.MALFORMED, 200, "data[0].b64_json is missing");
    }

    @Test
    void providerHttpExceptionIsClassifiedByStatusAndBody() {
        ProviderHttpException e = new ProviderHttpException("p", 503, Map.of(), "{\"error\":\"Model x is currently loading\"}");

        assertThat(classification.classify(e).kind()).isEqualTo(FailureKind.MODEL_LOADING);
    }

    @Test
    void unrecognisedExceptionIsUnknown() {
        assertThat(classification.classify(new IllegalStateException()).kind()).isEqualTo(FailureKind.UNKNOWN);
    }

    @Test
    void withoutSpringWebAndSpringAiOnTheClasspathTheOthersWorkAndNoClassOfThemIsLoaded() throws Exception {
        WithoutSpringWeb loader = new WithoutSpringWeb(getClass().getClassLoader());
        Class<?> builtIns = Class.forName(BuiltInClassifiers.class.getName(), true, loader);
        Method all = builtIns.getMethod("all", Clock.class);

        List<?> classifiers = (List<?>) all.invoke(null, Clock.systemUTC());

        assertThat(classifiers).extracting(c -> c.getClass().getSimpleName())
                .containsExactly("HttpFailureClassifier", "ProviderExceptionClassifier", "IoFailureClassifier");
        Object io = classifiers.get(2);
        Method classify = Class.forName(FailureClassifier.class.getName(), true, loader).getMethod("classify",
                Throwable.class);
        Object failure = classify.invoke(io, new ConnectException());
        assertThat(failure.toString()).contains("CONNECTION");
        assertThat(loader.springWebRequests).containsExactly("org.springframework.web.client.RestClientResponseException");
        assertThat(loader.springAiRequests).containsExactly("org.springframework.ai.retry.TransientAiException");
    }

    /**
     * Defines this project's classes itself and hides spring-web and Spring AI (which needs spring-web), as an
     * application without them would.
     */
    private static final class WithoutSpringWeb extends ClassLoader {

        final List<String> springWebRequests = new ArrayList<>();
        final List<String> springAiRequests = new ArrayList<>();

        WithoutSpringWeb(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("org.springframework.web.")) {
                    springWebRequests.add(name);
                    throw new ClassNotFoundException(name);
                }
                if (name.startsWith("org.springframework.ai.")) {
                    springAiRequests.add(name);
                    throw new ClassNotFoundException(name);
                }
                if (!name.startsWith("dev.genairesilience.")) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : define(name);
            }
        }

        private Class<?> define(String name) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
    }
}
