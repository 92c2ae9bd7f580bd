package dev.genairesilience.failure;

import dev.genairesilience.spi.FailureClassifier;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.ClassUtils;

/**
 * The classifiers the engine always has, asked after the application's own.
 */
public final class BuiltInClassifiers {

    private static final String SPRING_CLIENT_EXCEPTION = "org.springframework.web.client.RestClientResponseException";
    private static final String SPRING_AI_EXCEPTION = "org.springframework.ai.retry.TransientAiException";

    private BuiltInClassifiers() {
    }

    /**
     * The built-in classifiers in the order they are asked: provider HTTP answers, Spring's HTTP client
     * exceptions (only when spring-web is on the classpath), Spring AI's exceptions (only when Spring AI is on the
     * classpath), the spi's provider exceptions, then JDK I/O failures. The
     * I/O one comes last because it answers every {@code IOException}, which some clients' own
     * exceptions extend.
     *
     * @param clock the clock an HTTP-date {@code Retry-After} is measured against
     */
    public static List<FailureClassifier> all(Clock clock) {
        HttpFailureClassifier http = new HttpFailureClassifier(clock);
        List<FailureClassifier> classifiers = new ArrayList<>();
        classifiers.add(http);
        if (ClassUtils.isPresent(SPRING_CLIENT_EXCEPTION, BuiltInClassifiers.class.getClassLoader())) {
            classifiers.add(SpringWeb.classifier(http));
        }
        if (ClassUtils.isPresent(SPRING_AI_EXCEPTION, BuiltInClassifiers.class.getClassLoader())) {
            classifiers.add(SpringAi.classifier(http));
        }
        classifiers.add(new ProviderExceptionClassifier());
        classifiers.add(new IoFailureClassifier());
        return List.copyOf(classifiers);
    }

    /** Kept apart so that spring-web's classes are loaded only once it is known to be there. */
    private static final class SpringWeb {

        static FailureClassifier classifier(HttpFailureClassifier http) {
            return new SpringClientFailureClassifier(http);
        }
    }

    /** Kept apart so that Spring AI's classes are loaded only once it is known to be there. */
    private static final class SpringAi {

        static FailureClassifier classifier(HttpFailureClassifier http) {
            return new SpringAiFailureClassifier(http);
        }
    }
}
