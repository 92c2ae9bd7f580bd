package dev.genairesilience.batch;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.Optional;

/**
 * The db-scheduler task behind the queue: one execution per job, whose instance id is the job id, in the table
 * {@value #TABLE}. db-scheduler picks each due execution on one instance at a time (an optimistic lock on its
 * row), keeps a heartbeat while it runs, and hands an execution whose instance stopped beating back to be run
 * again.
 */
public final class ImageJobTask {

    /** The task name in db-scheduler's table. */
    public static final String NAME = "genai-image-job";

    /** db-scheduler's table for the queue, apart from any table the application's own db-scheduler uses. */
    public static final String TABLE = "genai_scheduled_tasks";

    /** Names the execution of a job: this task, with the job id as instance id. */
    public static final TaskDescriptor<Void> DESCRIPTOR = TaskDescriptor.of(NAME, Void.class);

    private ImageJobTask() {
    }

    /** The task, running each job with {@code runner} and scheduling it again when the runner says so. */
    public static CustomTask<Void> create(ImageJobRunner runner) {
        return Tasks.custom(DESCRIPTOR).execute((instance, context) -> completion(runner.run(instance.getId())));
    }

    private static CompletionHandler<Void> completion(Optional<Instant> runAgainAt) {
        if (runAgainAt.isEmpty()) {
            return new CompletionHandler.OnCompleteRemove<>();
        }
        Instant at = runAgainAt.get();
        return (complete, operations) -> operations.reschedule(complete, at);
    }
}
