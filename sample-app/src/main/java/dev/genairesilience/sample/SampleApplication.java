package dev.genairesilience.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample: product images through a two-model chain with an offline card as last resort. By default it
 * runs offline against an in-process emulator of the Gemini API; the {@code live} profile talks to the real
 * providers with keys from the environment.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
