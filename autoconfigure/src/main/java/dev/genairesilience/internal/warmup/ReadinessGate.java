package dev.genairesilience.internal.warmup;

import java.util.Objects;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;

/**
 * Holds the application's {@link ReadinessState} at {@code REFUSING_TRAFFIC} while warm-up runs. Spring Boot
 * publishes {@code ACCEPTING_TRAFFIC} right after {@code ApplicationReadyEvent}, when warm-up has just begun; while
 * held, the gate answers that event with {@code REFUSING_TRAFFIC}, and publishes {@code ACCEPTING_TRAFFIC} itself
 * when released.
 *
 * <p>It depends on the {@link ApplicationAvailability} bean, so that bean is created, and registered as a
 * listener, first: listeners of equal order hear an event in registration order, so Boot's
 * {@code ACCEPTING_TRAFFIC} is recorded before the gate's answer replaces it.
 */
public final class ReadinessGate implements ApplicationListener<AvailabilityChangeEvent<ReadinessState>> {

    private final ApplicationEventPublisher publisher;
    private final ApplicationAvailability availability;
    private boolean holding;

    /**
     * @param publisher    the application context
     * @param availability the application's availability, whose readiness the gate holds
     */
    public ReadinessGate(ApplicationEventPublisher publisher, ApplicationAvailability availability) {
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.availability = Objects.requireNonNull(availability, "availability");
    }

    /** Refuses traffic until {@link #release()}. */
    public synchronized void hold() {
        holding = true;
        AvailabilityChangeEvent.publish(publisher, this, ReadinessState.REFUSING_TRAFFIC);
    }

    /** Accepts traffic, if the gate was holding it back; later calls do nothing. */
    public synchronized void release() {
        if (holding) {
            holding = false;
            AvailabilityChangeEvent.publish(publisher, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

    /** Whether the gate is holding readiness back now. */
    public synchronized boolean holding() {
        return holding;
    }

    /** The application's readiness now. */
    public ReadinessState readiness() {
        return availability.getReadinessState();
    }

    @Override
    public synchronized void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
        if (holding && event.getState() == ReadinessState.ACCEPTING_TRAFFIC && event.getSource() != this) {
            AvailabilityChangeEvent.publish(publisher, this, ReadinessState.REFUSING_TRAFFIC);
        }
    }
}
