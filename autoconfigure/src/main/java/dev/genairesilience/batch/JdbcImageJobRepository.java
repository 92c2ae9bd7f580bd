package dev.genairesilience.batch;

import dev.genairesilience.ImageJob;
import dev.genairesilience.ImageRequest;
import dev.genairesilience.JobState;
import dev.genairesilience.Resolution;
import dev.genairesilience.spi.JobHandle;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job table, {@value #TABLE}, created by the schema scripts next to this class. Each state change is one
 * conditional {@code UPDATE}: a job that is already final is never changed again, whoever asks. A state change
 * returns the job as it is after the change, or nothing when there was nothing to change. A running job's row also
 * keeps the provider job its latest asynchronous attempt submitted ({@link ProviderJob}), until the job is queued
 * again or ends.
 */
public final class JdbcImageJobRepository {

    /** The job table's name. */
    public static final String TABLE = "genai_image_jobs";

    private static final int MAX_REASON = 2000;
    private static final String NOT_FINAL = " state in ('QUEUED', 'RUNNING')";
    private static final String NO_PROVIDER_JOB = ", provider_job_lane = null, provider_job_resolution = null,"
            + " provider_job_id = null, provider_job_handle = null";
    private static final Logger log = LoggerFactory.getLogger(JdbcImageJobRepository.class);

    private final JdbcTemplate jdbc;

    public JdbcImageJobRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ImageJob job, ImageRequest request) {
        jdbc.update("insert into " + TABLE + " (id, state, chain_name, prompt, resolution, aspect_ratio,"
                + " deadline_ms, windows_tried, estimated_completion, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                job.id(), job.state().name(), job.chain(), request.prompt(),
                request.resolution() == null ? null : request.resolution().label(), request.aspectRatio(),
                request.deadline() == null ? null : request.deadline().toMillis(), job.windowsTried(),
                time(job.estimatedCompletion()), time(job.createdAt()), time(job.updatedAt()));
    }

    Optional<QueuedJob> find(String id) {
        List<QueuedJob> rows = jdbc.query("select * from " + TABLE + " where id = ?", (rs, n) -> queued(rs), id);
        return rows.stream().findFirst();
    }

    /** Jobs not final yet: those a new job queues behind. */
    int countWaiting() {
        Integer count = jdbc.queryForObject("select count(*) from " + TABLE + " where" + NOT_FINAL, Integer.class);
        return count == null ? 0 : count;
    }

    /**
     * Marks the job running; a job that was queued starts a new window, a job that was already running (its
     * instance died) goes on in the same one.
     */
    Optional<ImageJob> markRunning(String id, Instant now) {
        return change(id, "windows_tried = windows_tried + case when state = 'QUEUED' then 1 else 0 end,"
                + " state = 'RUNNING', updated_at = ?", time(now));
    }

    Optional<ImageJob> requeue(String id, Instant now, Instant estimatedCompletion) {
        return change(id, "state = 'QUEUED', estimated_completion = ?, updated_at = ?" + NO_PROVIDER_JOB,
                time(estimatedCompletion), time(now));
    }

    Optional<ImageJob> succeed(String id, Instant now, String imageRef) {
        return change(id, "state = 'SUCCEEDED', image_ref = ?, estimated_completion = ?, updated_at = ?"
                + NO_PROVIDER_JOB, imageRef, time(now), time(now));
    }

    Optional<ImageJob> fail(String id, Instant now, String reason) {
        String shortened = reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
        return change(id, "state = 'FAILED', failure_reason = ?, estimated_completion = ?, updated_at = ?"
                + NO_PROVIDER_JOB, shortened, time(now), time(now));
    }

    /**
     * Keeps {@code providerJob} with a running job, in place of any kept before.
     *
     * @return whether the job was running (else nothing was kept)
     */
    boolean keepProviderJob(String id, ProviderJob providerJob) {
        Resolution resolution = providerJob.resolution();
        return jdbc.update("update " + TABLE + " set provider_job_lane = ?, provider_job_resolution = ?,"
                + " provider_job_id = ?, provider_job_handle = ? where id = ? and state = 'RUNNING'",
                providerJob.lane(), resolution == null ? null : resolution.label(), providerJob.handle().id(),
                providerJob.handle().value(), id) == 1;
    }

    /** Forgets the provider job kept with a job that is not final yet. */
    void forgetProviderJob(String id) {
        jdbc.update("update " + TABLE + " set " + NO_PROVIDER_JOB.substring(2) + " where id = ? and" + NOT_FINAL, id);
    }

    /** Applies {@code assignments} to a job that is not final yet. */
    private Optional<ImageJob> change(String id, String assignments, Object... values) {
        Object[] arguments = Arrays.copyOf(values, values.length + 1);
        arguments[values.length] = id;
        int changed = jdbc.update("update " + TABLE + " set " + assignments + " where id = ? and" + NOT_FINAL,
                arguments);
        return changed == 1 ? job(id) : Optional.empty();
    }

    Optional<ImageJob> job(String id) {
        return find(id).map(QueuedJob::job);
    }

    private static QueuedJob queued(ResultSet rs) throws SQLException {
        ImageJob job = new ImageJob(rs.getString("id"), JobState.valueOf(rs.getString("state")),
                rs.getString("chain_name"), instant(rs, "estimated_completion"), rs.getInt("windows_tried"),
                rs.getString("failure_reason"), instant(rs, "created_at"), instant(rs, "updated_at"));
        long deadlineMillis = rs.getLong("deadline_ms");
        Duration deadline = rs.wasNull() ? null : Duration.ofMillis(deadlineMillis);
        ImageRequest request = ImageRequest.builder(rs.getString("prompt"))
                .resolution(rs.getString("resolution"))
                .aspectRatio(rs.getString("aspect_ratio"))
                .deadline(deadline)
                .build();
        return new QueuedJob(job, request, providerJob(rs));
    }

    /** The provider job kept with the row, or {@code null}; one that cannot be read is dropped, with a warning. */
    private static ProviderJob providerJob(ResultSet rs) throws SQLException {
        String lane = rs.getString("provider_job_lane");
        String jobId = rs.getString("provider_job_id");
        String value = rs.getString("provider_job_handle");
        if (lane == null || jobId == null || value == null) {
            return null;
        }
        String resolution = rs.getString("provider_job_resolution");
        try {
            return new ProviderJob(lane, resolution == null ? null : Resolution.parse(resolution),
                    JobHandle.of(jobId, value));
        } catch (IllegalArgumentException e) {
            // the value is not quoted: it may hold signed URLs
            log.warn("Off-peak job {}: the provider job kept with it cannot be read ({}); it runs anew",
                    rs.getString("id"), e.getMessage());
            return null;
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
