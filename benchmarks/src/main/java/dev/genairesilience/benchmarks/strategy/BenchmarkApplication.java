package dev.genairesilience.benchmarks.strategy;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;

/**
 * The application the engine runs in: nothing but the starter's auto-configuration and its properties. No
 * {@code DataSource} from Spring Boot: the module has a JDBC pool on its class path for the {@code shared-quota}
 * scenario, which gives its {@code jdbc} instances a pooled one of their own.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
public class BenchmarkApplication {
}
