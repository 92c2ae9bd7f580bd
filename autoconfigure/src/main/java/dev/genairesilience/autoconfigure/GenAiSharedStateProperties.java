package dev.genairesilience.autoconfigure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * {@code genai.shared-state.*}: what several instances of one application share about each provider (the holds of
 * its wait hints, its requests-per-minute pace) and about the off-peak queue (its drain rate and concurrency), and
 * where. Breakers, retry budgets, learned quotas and concurrency limits stay per instance.
 */
@ConfigurationProperties("genai.shared-state")
public class GenAiSharedStateProperties {

    /**
     * Where the state is shared: "memory" (nothing is shared; each instance learns alone), "jdbc" (the application's
     * DataSource: PostgreSQL, or H2) or "redis" (the application's RedisConnectionFactory, from Spring Data Redis).
     */
    private Store store = Store.MEMORY;

    /**
     * What every shared key starts with, so that applications sharing one database or Redis never hold each other's
     * providers. Defaults to spring.application.name, or "genai" without one. Instances of one application must use
     * the same namespace.
     */
    private String namespace;

    /**
     * The longest one call to the store may take; a call that takes longer, or fails, goes on with the instance's own
     * state. Three such calls in a row mark the store down: each instance then goes on with its own state, without
     * waiting on the store, until it answers again.
     */
    private Duration timeout = Duration.ofMillis(500);

    /** How often a store that is down is checked again, off the callers' threads. */
    private Duration recheckInterval = Duration.ofSeconds(5);

    /**
     * How long a circuit breaker that opens on one instance holds its provider on the others, so that they stop
     * sending to it too (each still keeps its own breaker). 0 publishes nothing.
     */
    private Duration breakerHold = Duration.ofSeconds(10);

    /**
     * The longest an off-peak job keeps its place among the queue's shared genai.batch.concurrency places: a place
     * whose instance died comes back after it. Longer than any job's chain deadline.
     */
    private Duration placeLease = Duration.ofMinutes(10);

    /**
     * With store "jdbc", whether to create the three genai_shared_* tables: "embedded" (an in-memory embedded
     * database only), "always" (the scripts only create what is missing) or "never" (managed elsewhere, such as by
     * Flyway).
     */
    private DatabaseInitializationMode initializeSchema = DatabaseInitializationMode.EMBEDDED;

    /** Where the state is shared. */
    public enum Store {
        /** Nothing is shared. */
        MEMORY,
        /** The application's DataSource. */
        JDBC,
        /** The application's Redis. */
        REDIS
    }

    public Store getStore() {
        return store;
    }

    public void setStore(Store store) {
        this.store = store;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getRecheckInterval() {
        return recheckInterval;
    }

    public void setRecheckInterval(Duration recheckInterval) {
        this.recheckInterval = recheckInterval;
    }

    public Duration getBreakerHold() {
        return breakerHold;
    }

    public void setBreakerHold(Duration breakerHold) {
        this.breakerHold = breakerHold;
    }

    public Duration getPlaceLease() {
        return placeLease;
    }

    public void setPlaceLease(Duration placeLease) {
        this.placeLease = placeLease;
    }

    public DatabaseInitializationMode getInitializeSchema() {
        return initializeSchema;
    }

    public void setInitializeSchema(DatabaseInitializationMode initializeSchema) {
        this.initializeSchema = initializeSchema;
    }
}
