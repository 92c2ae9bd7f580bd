package dev.genairesilience.internal.warmup;

import dev.genairesilience.chain.ProviderBreakers;
import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureClassification;
import dev.genairesilience.spi.ImageProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Probes providers with their free call ({@link ImageProvider#probe}) every {@code probe-interval}, apart from any
 * request, so real traffic never waits on a probe. A provider fault (overloaded, 5xx, timeout, connection)
 * puts an open or half-open breaker back to open, restarting its wait, so requests do not spend their trial calls
 * on a provider known to be down; a passing probe moves an open breaker to half-open, so the next requests
 * try it without waiting out the rest of the open state. Key and model problems change no breaker; they show in
 * health.
 */
public final class ProviderProbes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProviderProbes.class);

    /** A free metadata read slower than this says enough: the probe failed (a provider's timeout may be minutes). */
    private static final Duration LONGEST_PROBE = Duration.ofSeconds(10);

    private final Map<ImageProvider, Duration> intervals;
    private final ProviderBreakers breakers;
    private final FailureClassification classification;
    private final ProbeResults results;
    private final PeriodicCalls periodic;
    private final List<ScheduledFuture<?>> running = new ArrayList<>();

    /**
     * @param intervals      the providers to probe, each with its interval
     * @param breakers       the providers' breakers, by provider id
     * @param classification classifies a failed probe as a failed call is
     * @param results        where results go
     * @param periodic       runs the probes
     */
    public ProviderProbes(Map<ImageProvider, Duration> intervals, ProviderBreakers breakers,
            FailureClassification classification, ProbeResults results, PeriodicCalls periodic) {
        this.intervals = new LinkedHashMap<>(intervals);
        this.breakers = Objects.requireNonNull(breakers, "breakers");
        this.classification = Objects.requireNonNull(classification, "classification");
        this.results = Objects.requireNonNull(results, "results");
        this.periodic = Objects.requireNonNull(periodic, "periodic");
    }

    /** Probes {@code provider} once, now, on this thread, and nudges its breaker as the result says. */
    public void probe(ImageProvider provider, Duration timeout) {
        CircuitBreaker breaker = breakers.forId(provider.id());
        try {
            provider.probe(timeout);
            results.passed(provider.id());
            if (breaker.getState() == State.OPEN) {
                breaker.transitionToHalfOpenState();
                log.info("genai probe of {} passed: its circuit breaker is half-open", provider.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            Failure failure = classification.classify(e);
            results.failed(provider.id(), failure);
            State state = breaker.getState();
            if (failure.kind().providerFault() && (state == State.OPEN || state == State.HALF_OPEN)) {
                breaker.transitionToOpenState();
            }
            log.debug("genai probe of {} failed: {} (HTTP {})", provider.id(), failure.kind(), failure.httpStatus());
        }
    }

    @Override
    public synchronized void start() {
        intervals.forEach((provider, interval) -> {
            Duration timeout = provider.timeout().compareTo(LONGEST_PROBE) < 0 ? provider.timeout() : LONGEST_PROBE;
            running.add(periodic.every(interval, () -> probe(provider, timeout)));
        });
    }

    @Override
    public synchronized void stop() {
        running.forEach(future -> future.cancel(false));
        running.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !running.isEmpty();
    }
}
