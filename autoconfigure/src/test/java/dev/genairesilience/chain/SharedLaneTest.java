package dev.genairesilience.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genairesilience.failure.Failure;
import dev.genairesilience.failure.FailureKind;
import dev.genairesilience.shared.JdbcSharedStateStore;
import dev.genairesilience.shared.SharedState;
import dev.genairesilience.shared.SharedStateSchemaInitializer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two instances' lanes on one store (H2): a hint's hold, one finder-out when it ends, one pace, and a breaker that
 * opens on one instance holding the provider on the other.
 */
class SharedLaneTest {

    private final DataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:shared-lane-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final SharedState sharedByOne = shared();
    private final SharedState sharedByOther = shared();
    private final Engine oneEngine = new Engine();
    private final Engine otherEngine = new Engine();
    private final ProviderLanes one = lanes(oneEngine, sharedByOne);
    private final ProviderLanes other = lanes(otherEngine, sharedByOther);

    @AfterEach
    void close() {
        sharedByOne.close();
        sharedByOther.close();
    }

    @Test
    void aHintOnOneInstanceHoldsTheLaneOnTheOther() {
        one.lane("pro").hold(new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(30), "quota"));

        ProviderLane lane = other.lane("pro");
        assertThat(lane.heldFor()).as("before it reads the store").isZero();
        lane.readSharedHold();
        assertThat(lane.heldFor()).isGreaterThan(Duration.ofSeconds(20));
        assertThat(other.lane("flash").heldFor()).isZero();
    }

    @Test
    void whenASharedHoldEndsOneInstanceAtATimeFindsOut() {
        one.lane("pro").hold(new Failure(FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(30), "quota"));
        other.lane("pro").readSharedHold();
        oneEngine.clock.advance(Duration.ofSeconds(31));
        otherEngine.clock.advance(Duration.ofSeconds(31));

        assertThat(one.lane("pro").passHoldEnd()).isEqualTo(ProviderLane.HoldEnd.PROBE);
        assertThat(other.lane("pro").passHoldEnd()).as("while the first instance finds out")
                .isEqualTo(ProviderLane.HoldEnd.WAIT);

        one.lane("pro").endHoldProbe();

        assertThat(other.lane("pro").passHoldEnd()).isEqualTo(ProviderLane.HoldEnd.PROBE);
    }

    @Test
    void theRequestsPerMinuteAreOnePaceForBothInstances() {
        assertThat(one.lane("paced").tryEnter()).isNotNull();
        assertThat(other.lane("paced").tryEnter()).as("one call a minute, taken by the other instance").isNull();
    }

    @Test
    void aBreakerThatOpensOnOneInstanceHoldsTheProviderOnTheOther() {
        one.lane("pro");
        oneEngine.breaker("pro").transitionToOpenState();

        ProviderLane lane = other.lane("pro");
        lane.readSharedHold();
        assertThat(lane.heldFor()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(otherEngine.breaker("pro").getState()).as("its own breaker").isNotEqualTo(State.OPEN);
    }

    private SharedState shared() {
        new SharedStateSchemaInitializer(database, DatabaseInitializationMode.ALWAYS).initializeDatabase();
        return SharedState.builder(new JdbcSharedStateStore(database)).namespace("lane-test").build();
    }

    private static ProviderLanes lanes(Engine engine, SharedState shared) {
        return ProviderLanes.builder(new RegistryProviderBreakers(engine.registry), engine.budgets)
                .clock(engine.clock).requestsPerMinute(Map.of("paced", 1)).shared(shared)
                .breakerHold(Duration.ofSeconds(10)).build();
    }
}
