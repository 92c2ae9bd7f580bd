package dev.genairesilience.internal.aot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.ImageGeneration;
import dev.genairesilience.ModelAttempt;
import dev.genairesilience.ModelFallback;
import dev.genairesilience.WarmOnStartup;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.javapoet.ClassName;
import org.springframework.util.ReflectionUtils;

/**
 * What a native image is told ahead of time, found the way Spring's AOT engine finds it: through
 * {@code META-INF/spring/aot.factories}, on a context processed as {@code process-aot} processes the application's.
 */
class GenAiRuntimeHintsTest {

    @Test
    void theHintsAreRegisteredThroughAotFactories() {
        assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class).asList())
                .anyMatch(GenAiRuntimeHints.class::isInstance);
        assertThat(AotServices.factories().load(BeanRegistrationAotProcessor.class).asList())
                .anyMatch(AnnotatedMethodsAotProcessor.class::isInstance);
    }

    @Test
    void everySchemaScriptOfTheQueueIsIncludedAsAResource() throws Exception {
        RuntimeHints hints = processAheadOfTime(new GenericApplicationContext());
        Resource[] scripts = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:dev/genairesilience/batch/schema-*.sql");
        assertThat(scripts).extracting(Resource::getFilename)
                .contains("schema-h2.sql", "schema-postgresql.sql");
        for (Resource script : scripts) {
            assertThat(RuntimeHintsPredicates.resource()
                    .forResource("dev/genairesilience/batch/" + script.getFilename())).accepts(hints);
        }
    }

    @Test
    void fallbackAndWarmUpMethodsAreInvokableAndAnnotatedMethodsInspectable() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBeanDefinition("productImages", new RootBeanDefinition(ProductImages.class));
        RuntimeHints hints = processAheadOfTime(context);

        assertThat(RuntimeHintsPredicates.reflection().onMethod(method("placeholder", String.class,
                ModelAttempt.class)).invoke()).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethod(method("warm", ModelAttempt.class)).invoke())
                .accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethod(method("render", String.class,
                ModelAttempt.class)).introspect()).accepts(hints);
        assertThat(RuntimeHintsPredicates.reflection().onMethod(method("heroShot", String.class)).introspect())
                .accepts(hints);
    }

    @Test
    void aBeanWithoutTheStartersAnnotationsGetsNoContribution() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBeanDefinition("plain", new RootBeanDefinition(Plain.class));
        assertThat(new AnnotatedMethodsAotProcessor().processAheadOfTime(
                RegisteredBean.of(context.getDefaultListableBeanFactory(), "plain"))).isNull();
        context.registerBeanDefinition("productImages", new RootBeanDefinition(ProductImages.class));
        assertThat(new AnnotatedMethodsAotProcessor().processAheadOfTime(
                RegisteredBean.of(context.getDefaultListableBeanFactory(), "productImages"))).isNotNull();
    }

    private static RuntimeHints processAheadOfTime(GenericApplicationContext context) {
        DefaultGenerationContext generation = new DefaultGenerationContext(
                new ClassNameGenerator(ClassName.get(GenAiRuntimeHintsTest.class)), new InMemoryGeneratedFiles());
        new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
        return generation.getRuntimeHints();
    }

    private static Method method(String name, Class<?>... parameters) {
        Method method = ReflectionUtils.findMethod(ProductImages.class, name, parameters);
        assertThat(method).as(name).isNotNull();
        return method;
    }

    /** An application bean as the README shows it. */
    public static class ProductImages {

        @ImageGeneration(chain = "product-shots")
        public GeneratedImage heroShot(String prompt) {
            return null;
        }

        @ModelFallback(models = {"gemini-3-pro-image-preview", "gemini-2.5-flash-image"},
                fallbackMethod = "placeholder")
        public byte[] render(String prompt, ModelAttempt attempt) {
            return new byte[0];
        }

        private byte[] placeholder(String prompt, ModelAttempt attempt) {
            return new byte[] {1};
        }

        @WarmOnStartup(model = "gemini-3-pro-image-preview")
        void warm(ModelAttempt attempt) {
        }
    }

    public static class Plain {

        public byte[] render(String prompt) {
            return new byte[0];
        }
    }
}
