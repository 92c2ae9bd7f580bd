package dev.genairesilience.it.operator;

import dev.genairesilience.testkit.ProviderEmulator;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The {@code genai.providers.<id>.*} properties of a provider served by the emulator. */
final class EmulatedProviderProperties {

    private EmulatedProviderProperties() {
    }

    static void add(DynamicPropertyRegistry registry, ProviderEmulator emulator, String id, String type,
            String model, String key, String timeout) {
        registry.add("genai.providers." + id + ".type", () -> type);
        registry.add("genai.providers." + id + ".model", () -> model);
        registry.add("genai.providers." + id + ".api-key", () -> key);
        registry.add("genai.providers." + id + ".base-url", emulator::baseUrl);
        registry.add("genai.providers." + id + ".timeout", () -> timeout);
    }
}
