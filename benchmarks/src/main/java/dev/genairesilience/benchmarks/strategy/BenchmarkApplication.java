package dev.genairesilience.benchmarks.strategy;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The application the engine runs in: nothing but the starter's auto-configuration and its properties. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BenchmarkApplication {
}
