package dev.genairesilience.sample;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

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

    /**
     * The calls of the last five minutes in buckets of ten seconds, for the page's chart: an {@code ExecutionListener}
     * bean, which the engine tells of every call it makes.
     */
    @Bean
    AttemptTimeline attemptTimeline() {
        return new AttemptTimeline(Clock.systemUTC(), Duration.ofSeconds(10), 30);
    }
}
