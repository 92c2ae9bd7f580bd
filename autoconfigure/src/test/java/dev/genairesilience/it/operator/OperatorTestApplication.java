package dev.genairesilience.it.operator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * A tiny application with everything an operator would have: the starter, Spring MVC, Actuator, Micrometer with
 * Prometheus, and Resilience4j's Spring Boot support. No data source: the off-peak queue is not under test here.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
@PropertySource("classpath:dev/genairesilience/it/operator/operator.properties")
public class OperatorTestApplication {

    /** Every readiness change, in order, with who published it. */
    @Bean
    ReadinessLog readinessLog() {
        return new ReadinessLog();
    }

    /** Records readiness changes. */
    public static final class ReadinessLog implements ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

        /** One change. */
        public record Change(ReadinessState state, String publisher, long nanoTime) {
        }

        private final List<Change> changes = new CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
            changes.add(new Change(event.getState(), event.getSource().getClass().getSimpleName(), System.nanoTime()));
        }

        public List<Change> changes() {
            return List.copyOf(changes);
        }
    }
}
