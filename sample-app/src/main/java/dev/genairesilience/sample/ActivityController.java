package dev.genairesilience.sample;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/activity}: the calls to each provider over the last five minutes, in buckets of ten seconds, by
 * outcome (delivered, overloaded, rate-limited, other), for the chart on the sample's page. No prompt, no key.
 */
@RestController
public class ActivityController {

    private final AttemptTimeline timeline;

    ActivityController(AttemptTimeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/api/activity")
    public AttemptTimeline.Snapshot activity() {
        return timeline.snapshot();
    }
}
