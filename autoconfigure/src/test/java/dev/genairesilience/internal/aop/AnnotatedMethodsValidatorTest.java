package dev.genairesilience.internal.aop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGeneration;
import dev.genairesilience.ImageJob;
import dev.genairesilience.ModelAttempt;
import dev.genairesilience.ModelFallback;
import dev.genairesilience.autoconfigure.GenAiContextRunners;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;

/** An annotated method that cannot work stops start-up, naming the method. */
class AnnotatedMethodsValidatorTest {

    @Test
    void anImageGenerationMethodWithoutPromptIsRefused() {
        assertRefused(new Object() {
            @ImageGeneration
            public GeneratedImage noPrompt(int size) {
                return null;
            }
        }, "noPrompt(int) has no prompt: declare a String or ImageRequest parameter");
    }

    @Test
    void anImageGenerationMethodWithAnotherReturnTypeIsRefused() {
        assertRefused(new Object() {
            @ImageGeneration
            public String text(String prompt) {
                return null;
            }
        }, "text(String) returns java.lang.String; it must return GeneratedImage, byte[] or "
                + "CompletableFuture<GeneratedImage>");
    }

    @Test
    void anImageGenerationMethodNamingAnUnknownChainIsRefused() {
        assertRefused(new Object() {
            @ImageGeneration(chain = "prodcut-shots")
            public GeneratedImage shot(String prompt) {
                return null;
            }
        }, "shot(String): unknown chain 'prodcut-shots'; configured chains: [direct] (genai.chains)");
    }

    @Test
    void aBadDeadlineOrResolutionOnTheAnnotationIsRefused() {
        assertRefused(new Object() {
            @ImageGeneration(deadline = "soon")
            public GeneratedImage shot(String prompt) {
                return null;
            }
        }, "shot(String): deadline 'soon' is not a duration");
        assertRefused(new Object() {
            @ImageGeneration(resolution = "8K")
            public GeneratedImage shot(String prompt) {
                return null;
            }
        }, "shot(String): resolution: Unknown resolution '8K'");
    }

    @Test
    void aModelFallbackMethodWithoutModelAttemptIsRefused() {
        assertRefused(new Object() {
            @ModelFallback(models = "m")
            public String render(String prompt) {
                return null;
            }
        }, "render(String) has no ModelAttempt parameter");
    }

    @Test
    void aModelFallbackMethodWithBothOrNeitherOfModelsAndChainIsRefused() {
        assertRefused(new Object() {
            @ModelFallback(models = "m", chain = "direct")
            public String render(ModelAttempt attempt) {
                return null;
            }
        }, "give either models or chain, not both");
        assertRefused(new Object() {
            @ModelFallback
            public String render(ModelAttempt attempt) {
                return null;
            }
        }, "give either models or chain, not neither");
    }

    @Test
    void aModelFallbackMethodWithAMissingFallbackMethodIsRefused() {
        assertRefused(new Object() {
            @ModelFallback(models = "m", fallbackMethod = "placeholder")
            public String render(String prompt, ModelAttempt attempt) {
                return null;
            }
        }, "fallbackMethod 'placeholder' not found");
    }

    @Test
    void withoutAspectJThereAreNoAspectsAndNoChecks() {
        GenAiContextRunners.application()
                .withClassLoader(new FilteredClassLoader(org.aspectj.lang.annotation.Aspect.class))
                .run(context -> assertThat(context).hasNotFailed()
                        .doesNotHaveBean(ImageGenerationAspect.class)
                        .doesNotHaveBean(ModelFallbackAspect.class)
                        .doesNotHaveBean(AnnotatedMethodsValidator.class));
    }

    @Test
    void anOffPeakMethodWithoutAQueueIsRefused() {
        assertRefused(new Object() {
            @ImageGeneration(mode = ImageGeneration.Mode.OFF_PEAK)
            public ImageJob later(String prompt) {
                return null;
            }
        }, "later(String) needs the off-peak queue, which is not configured");
    }

    private static void assertRefused(Object bean, String expected) {
        GenAiContextRunners.withTestProviders().withPropertyValues("genai.chains.direct.providers=good")
                .withBean("annotated", Object.class, () -> bean)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(messages(context.getStartupFailure())).contains(expected);
                });
    }

    private static String messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(t.getMessage());
        }
        return String.join("\n", messages);
    }
}
