package dev.genairesilience.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * {@code genai.batch.*}: the off-peak queue behind {@code ImageGenerator.submit} and
 * {@code @ImageGeneration(mode = OFF_PEAK)}. It needs db-scheduler and Spring JDBC on the class path and one
 * {@code DataSource}; several instances on one database share the queue.
 */
@ConfigurationProperties("genai.batch")
public class GenAiBatchProperties {

    /** Whether the off-peak queue is configured when its requirements are met. */
    private boolean enabled = true;

    /**
     * The daily window in which queued jobs run, as HH:mm-HH:mm in genai.batch.zone (an end before the start crosses
     * midnight, such as 22:00-06:00), or "always". Jobs submitted outside it wait for it to open. With "always", a job
     * that found no capacity tries its next window after the retry-after the engine reported.
     */
    private String window = "02:00-07:00";

    /**
     * The time zone of genai.batch.window. US Pacific by default: the providers' quietest hours are the small hours
     * there.
     */
    private ZoneId zone = ZoneId.of("America/Los_Angeles");

    /**
     * How many windows a job may run in. A job that finds no capacity (overloaded, rate-limited, outage, deadline)
     * goes back to the queue for the next window until it has tried this many; then it fails for good.
     */
    private int maxWindows = 3;

    /** How many jobs this instance generates at the same time. */
    private int concurrency = 2;

    /** How many jobs this instance starts per second at most, evenly spaced (0.5 is one job every two seconds). */
    private double rate = 1.0;

    /** The directory of the default file-system image store: one file per job, named after the job id. */
    private Path storeDirectory = Path.of("genai-images");

    /**
     * When to create the queue's tables (genai_image_jobs and genai_scheduled_tasks): "embedded" on an in-memory
     * embedded database only, "always" (the scripts only create what is missing), or "never" (managed elsewhere,
     * such as by Flyway). A file-based H2 database is not "embedded" in this sense: use "always" for it.
     */
    private DatabaseInitializationMode initializeSchema = DatabaseInitializationMode.EMBEDDED;

    /**
     * How often this instance looks for due jobs. A job submitted on this instance while the window is open starts
     * at once.
     */
    private Duration pollInterval = Duration.ofSeconds(10);

    /**
     * How often a running job's instance tells the database it is alive. A job whose instance misses four heartbeats
     * in a row is taken as dead and runs again on an instance that is alive.
     */
    private Duration heartbeatInterval = Duration.ofMinutes(1);

    /** How long shutdown waits for running jobs; those still running afterwards run again elsewhere later. */
    private Duration shutdownTimeout = Duration.ofSeconds(30);

    /**
     * Whether this instance starts draining the queue with the application. False makes it accept and answer
     * queries only, until its BatchSchedulerLifecycle bean is started.
     */
    private boolean autoStartup = true;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getWindow() {
        return window;
    }

    public void setWindow(String window) {
        this.window = window;
    }

    public ZoneId getZone() {
        return zone;
    }

    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    public int getMaxWindows() {
        return maxWindows;
    }

    public void setMaxWindows(int maxWindows) {
        this.maxWindows = maxWindows;
    }

    public int getConcurrency() {
        return concurrency;
    }

    public void setConcurrency(int concurrency) {
        this.concurrency = concurrency;
    }

    public double getRate() {
        return rate;
    }

    public void setRate(double rate) {
        this.rate = rate;
    }

    public Path getStoreDirectory() {
        return storeDirectory;
    }

    public void setStoreDirectory(Path storeDirectory) {
        this.storeDirectory = storeDirectory;
    }

    public DatabaseInitializationMode getInitializeSchema() {
        return initializeSchema;
    }

    public void setInitializeSchema(DatabaseInitializationMode initializeSchema) {
        this.initializeSchema = initializeSchema;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getHeartbeatInterval() {
        return heartbeatInterval;
    }

    public void setHeartbeatInterval(Duration heartbeatInterval) {
        this.heartbeatInterval = heartbeatInterval;
    }

    public Duration getShutdownTimeout() {
        return shutdownTimeout;
    }

    public void setShutdownTimeout(Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
    }

    public boolean isAutoStartup() {
        return autoStartup;
    }

    public void setAutoStartup(boolean autoStartup) {
        this.autoStartup = autoStartup;
    }
}
