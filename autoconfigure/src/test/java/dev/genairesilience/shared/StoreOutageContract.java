package dev.genairesilience.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.genairesilience.GeneratedImage;
import dev.genairesilience.GenerationUnavailableException;
import dev.genairesilience.ImageGenerator;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.internal.observation.GenAiHealthIndicator;
import dev.genairesilience.shared.instance.SharedStateInstanceApplication;
import dev.genairesilience.testkit.Fault;
import dev.genairesilience.testkit.ModelBehaviour;
import dev.genairesilience.testkit.ProviderEmulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Acceptance 2 of issue 13, run on each real store by its subclass: two instances share a hold; the store is stopped
 * mid-test and generation goes on with each instance's own state, health saying the store is down; the store comes
 * back and sharing resumes.
 */
abstract class StoreOutageContract {

    /** The arguments that put an instance on the store. */
    abstract List<String> storeArguments();

    /** Stops the store, as an outage. */
    abstract void stopStore() throws Exception;

    /** Starts it again where it was. */
    abstract void startStore() throws Exception;

    @Test
    void generationGoesOnWhileTheStoreIsDownAndSharingResumesWhenItIsBack() throws Exception {
        try (ProviderEmulator emulator = ProviderEmulator.start()) {
            // a hint longer than the chains' 5 s deadline: a held instance's request is not served and makes no call
            ModelBehaviour quota = emulator.model(SharedStateInstanceApplication.QUOTA_MODEL)
                    .hint(Duration.ofSeconds(6));
            List<ConfigurableApplicationContext> instances = new ArrayList<>();
            try {
                instances.add(instance(emulator, 1));
                instances.add(instance(emulator, 2));
                ImageGenerator first = instances.get(0).getBean(ImageGenerator.class);
                ImageGenerator second = instances.get(1).getBean(ImageGenerator.class);
                SharedState secondShares = instances.get(1).getBean(SharedState.class);

                quota.failNext(1, Fault.RATE_LIMITED);
                assertUnavailable(first);
                assertThat(secondShares.heldFor("quota")).as("the first instance's Retry-After, seen by the second")
                        .isPositive();
                await().atMost(Duration.ofSeconds(15)).until(() -> secondShares.heldFor("quota").isZero());

                stopStore();
                for (int i = 0; i < 5; i++) {
                    assertThat(first.generate("quota", ImageRequest.of("a kite")).provider()).isEqualTo("quota");
                    assertThat(second.generate("quota", ImageRequest.of("a kite")).provider()).isEqualTo("quota");
                }
                Health health = instances.get(1).getBean(GenAiHealthIndicator.class).health();
                assertThat(health.getStatus()).isEqualTo(GenAiHealthIndicator.DEGRADED);
                assertThat(detail(instances.get(1))).containsEntry("status", "DOWN").containsKey("downSince");

                startStore();
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    second.generate("quota", ImageRequest.of("a kite"));
                    first.generate("quota", ImageRequest.of("a kite"));
                    return secondShares.active() && instances.get(0).getBean(SharedState.class).active();
                });
                assertThat(detail(instances.get(1))).containsEntry("status", "UP");

                quota.failNext(1, Fault.RATE_LIMITED);
                assertUnavailable(first);
                assertThat(secondShares.heldFor("quota")).as("a hold shared again once the store is back")
                        .isPositive();
                int before = quota.calls();
                assertUnavailable(second);
                assertThat(quota.calls()).as("calls the second instance made while the first one's hold ran")
                        .isEqualTo(before);
            } finally {
                instances.forEach(ConfigurableApplicationContext::close);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(ConfigurableApplicationContext instance) {
        return (Map<String, Object>) instance.getBean(GenAiHealthIndicator.class).health().getDetails()
                .get("sharedState");
    }

    /** A request the provider's hold (its own, or shared) keeps from being served. */
    private static void assertUnavailable(ImageGenerator generator) {
        try {
            GeneratedImage image = generator.generate("quota", ImageRequest.of("a kite"));
            throw new AssertionError("served by " + image.provider() + " while the provider was held");
        } catch (GenerationUnavailableException expected) {
            // held
        }
    }

    private ConfigurableApplicationContext instance(ProviderEmulator emulator, int n) {
        List<String> arguments = new ArrayList<>(SharedStateInstanceApplication.arguments(emulator.baseUrl(), n,
                6000, storeArguments().toArray(String[]::new)));
        arguments.add("--genai.shared-state.timeout=300ms");
        arguments.add("--genai.shared-state.recheck-interval=200ms");
        return new SpringApplicationBuilder(SharedStateInstanceApplication.class).web(WebApplicationType.NONE)
                .run(arguments.toArray(String[]::new));
    }
}
