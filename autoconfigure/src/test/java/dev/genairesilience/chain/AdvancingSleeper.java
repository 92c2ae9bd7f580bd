package dev.genairesilience.chain;

import dev.genairesilience.testsupport.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.retry.backoff.Sleeper;

/** Records each sleep and moves the test clock forward by it instead of sleeping. */
final class AdvancingSleeper implements Sleeper {

    private final MutableClock clock;
    private final List<Duration> sleeps = new ArrayList<>();

    AdvancingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(long millis) {
        sleeps.add(Duration.ofMillis(millis));
        clock.advance(Duration.ofMillis(millis));
    }

    List<Duration> sleeps() {
        return sleeps;
    }

    Duration total() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
