package dev.genairesilience.internal.observation;

import dev.genairesilience.schedule.PeakSchedule;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;

/** Whether a peak window ({@code genai.peak.windows}) is on, as the gauge {@code genai.peak.active}: 1 or 0. */
public final class PeakMeters implements MeterBinder {

    /** Gauge: 1 while a peak window is on, else 0. */
    public static final String ACTIVE = "genai.peak.active";

    private final PeakSchedule peak;

    public PeakMeters(PeakSchedule peak) {
        this.peak = Objects.requireNonNull(peak, "peak");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder(ACTIVE, peak, p -> p.isOn() ? 1 : 0)
                .description("1 while a peak window (genai.peak.windows) is on, else 0").register(registry);
    }
}
