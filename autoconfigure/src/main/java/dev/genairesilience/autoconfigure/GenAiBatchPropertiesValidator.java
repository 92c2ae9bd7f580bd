package dev.genairesilience.autoconfigure;

import dev.genairesilience.batch.BatchWindow;
import dev.genairesilience.schedule.PeakHours;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Checks {@code genai.batch.*} at start-up; every problem names its property. */
final class GenAiBatchPropertiesValidator {

    private GenAiBatchPropertiesValidator() {
    }

    /**
     * @return the configured window
     * @throws InvalidGenAiConfigurationException listing every problem
     */
    static BatchWindow validate(GenAiBatchProperties properties) {
        List<String> problems = new ArrayList<>();
        BatchWindow window = null;
        if (properties.getZone() == null) {
            problems.add("genai.batch.zone: must be set, such as America/Los_Angeles or UTC");
        } else {
            try {
                window = BatchWindow.parse(properties.getWindow(), properties.getZone());
            } catch (IllegalArgumentException e) {
                problems.add("genai.batch.window: " + e.getMessage());
            }
        }
        atLeastOne(problems, "genai.batch.max-windows", properties.getMaxWindows());
        atLeastOne(problems, "genai.batch.concurrency", properties.getConcurrency());
        if (!(properties.getRate() > 0) || Double.isInfinite(properties.getRate())) {
            problems.add("genai.batch.rate: must be a positive number of jobs per second, was " + properties.getRate());
        }
        positive(problems, "genai.batch.poll-interval", properties.getPollInterval());
        positive(problems, "genai.batch.heartbeat-interval", properties.getHeartbeatInterval());
        if (properties.getShutdownTimeout() == null || properties.getShutdownTimeout().isNegative()) {
            problems.add("genai.batch.shutdown-timeout: must not be negative, was " + properties.getShutdownTimeout());
        }
        if (properties.getStoreDirectory() == null) {
            problems.add("genai.batch.store-directory: must be set");
        }
        if (!problems.isEmpty()) {
            throw new InvalidGenAiConfigurationException(problems);
        }
        return window;
    }

    /**
     * @return the window the queue drains in: {@code window} outside the peak hours
     * @throws InvalidGenAiConfigurationException when the window lies inside the peak hours
     */
    static BatchWindow drainWindow(BatchWindow window, PeakHours peakHours) {
        try {
            return window.excluding(peakHours);
        } catch (IllegalArgumentException e) {
            throw new InvalidGenAiConfigurationException(List.of("genai.batch.window: " + window
                    + " lies inside genai.peak.windows " + peakHours + ", so the off-peak queue would never run"), e);
        }
    }

    private static void atLeastOne(List<String> problems, String property, int value) {
        if (value < 1) {
            problems.add(property + ": must be at least 1, was " + value);
        }
    }

    private static void positive(List<String> problems, String property, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(property + ": must be positive, was " + value);
        }
    }
}
