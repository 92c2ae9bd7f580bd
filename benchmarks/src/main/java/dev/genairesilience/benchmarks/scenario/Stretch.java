package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.Resolution;
import dev.genairesilience.benchmarks.load.RequestRecord;
import java.time.Duration;
import java.util.List;

/** The requests of a run that arrived in one stretch of it, with the calls they made and what they got. */
final class Stretch {

    private final RunResult run;
    private final List<RequestRecord> records;

    private Stretch(RunResult run, List<RequestRecord> records) {
        this.run = run;
        this.records = records;
    }

    /** The requests that arrived in {@code [from, to)}, scenario time since the start. */
    static Stretch of(RunResult run, Duration from, Duration to) {
        return new Stretch(run, run.arrivedBetween(from, to));
    }

    int requests() {
        return records.size();
    }

    /** The images delivered. */
    long images() {
        return records.stream().filter(RequestRecord::succeeded).count();
    }

    /** The share of the requests that got an image, in percent. */
    double successPercent() {
        return RecordStats.successPercent(records);
    }

    /** The calls the requests made, to every model. */
    long calls() {
        return run.callsMadeBy(records);
    }

    /** Calls per request (0 without requests). */
    double attemptsPerRequest() {
        return records.isEmpty() ? 0 : (double) calls() / records.size();
    }

    /**
     * The calls that delivered no image per image delivered: the calls made less the images got, divided by the
     * images; infinite when none was delivered.
     */
    double failedCallsPerImage() {
        long images = images();
        return images == 0 ? Double.POSITIVE_INFINITY : (double) (calls() - images) / images;
    }

    /** The images delivered at {@code resolution}. */
    long imagesAt(Resolution resolution) {
        return records.stream().filter(r -> r.succeeded() && r.resolution() == resolution).count();
    }

    /** The share of the images delivered that came at {@code resolution}, in percent (0 without images). */
    double shareAt(Resolution resolution) {
        return RunResult.percentOf(imagesAt(resolution), images());
    }

    /** The requests whose first call, to whichever model, asked for {@code resolution}. */
    long firstCallsAt(Resolution resolution) {
        return records.stream().map(run::callsOf).filter(calls -> !calls.isEmpty())
                .filter(calls -> resolution.label().equals(calls.get(0).resolution())).count();
    }

    /** The requests whose first call went to another model than {@code model}. */
    long firstCallsElsewhere(String model) {
        return records.stream().map(run::callsOf).filter(calls -> !calls.isEmpty())
                .filter(calls -> !model.equals(calls.get(0).model())).count();
    }

    /** The requests that made no call at all. */
    long withoutCalls() {
        return records.stream().filter(r -> run.callsOf(r).isEmpty()).count();
    }

    /** The calls the requests made at {@code resolution}, to every model. */
    long callsAt(Resolution resolution) {
        return records.stream().flatMap(r -> run.callsOf(r).stream())
                .filter(c -> resolution.label().equals(c.resolution())).count();
    }
}
