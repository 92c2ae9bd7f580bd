package dev.genairesilience.autoconfigure;

import dev.genairesilience.schedule.DailyWindow;
import dev.genairesilience.schedule.PeakHours;
import java.util.ArrayList;
import java.util.List;

/** Turns {@code genai.peak.*} into {@link PeakHours}, naming the property of each problem. */
final class PeakHoursProperties {

    private PeakHoursProperties() {
    }

    /**
     * @param problems where each problem goes, named by its property
     * @return the peak hours, or {@code null} when there was a problem
     */
    static PeakHours peakHours(GenAiProperties.Peak peak, List<String> problems) {
        if (peak.getZone() == null) {
            problems.add("genai.peak.zone: must be set, such as America/Los_Angeles or UTC");
            return null;
        }
        List<String> specs = peak.getWindows() == null ? List.of() : peak.getWindows();
        List<DailyWindow> windows = new ArrayList<>();
        int before = problems.size();
        for (int i = 0; i < specs.size(); i++) {
            try {
                windows.add(DailyWindow.parse(specs.get(i), peak.getZone()));
            } catch (IllegalArgumentException e) {
                problems.add("genai.peak.windows[" + i + "]: " + e.getMessage());
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            return PeakHours.of(windows);
        } catch (IllegalArgumentException e) {
            problems.add("genai.peak.windows: " + e.getMessage());
            return null;
        }
    }

    /** @throws InvalidGenAiConfigurationException naming each property at fault */
    static PeakHours peakHours(GenAiProperties.Peak peak) {
        List<String> problems = new ArrayList<>();
        PeakHours hours = peakHours(peak, problems);
        if (!problems.isEmpty()) {
            throw new InvalidGenAiConfigurationException(problems);
        }
        return hours;
    }
}
