package dev.genairesilience.benchmarks.scenario;

import static dev.genairesilience.benchmarks.TargetCheck.bound;

import dev.genairesilience.benchmarks.Format;
import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * The targets several scenarios set on one run: success, first choice, attempts, tail latency. A missed one says
 * what the run's figures were, so that the page explains a miss with measurements rather than guesses.
 */
final class EngineTargets {

    private EngineTargets() {
    }

    /** {@code <label>: ≥ <bound>% success}. */
    static TargetCheck success(String label, RunResult run, double percent) {
        return TargetCheck.atLeast(label + ": ≥ " + bound(percent) + "% success", run.successPercent(),
                Format.percent(run.successPercent()), "%", percent, unserved(run));
    }

    /** {@code <label>: 100% success}, judged on the count, not on a rounded share. */
    static TargetCheck everyRequestServed(String label, RunResult run) {
        return TargetCheck.of(label + ": 100% success", run.successes() == run.requests(),
                Format.percent(run.successPercent()) + "%", unserved(run));
    }

    /** {@code <label>: first-choice ≥ <bound>%}: the share of requests the chain's first provider served. */
    static TargetCheck firstChoice(String label, RunResult run, double percent) {
        ModelEndpoint primary = run.models().get(0);
        int calls = run.callsTo(primary);
        return TargetCheck.atLeast(label + ": first-choice ≥ " + bound(percent) + "%", run.firstChoicePercent(),
                Format.percent(run.firstChoicePercent()), "%", percent,
                "the primary served " + Format.percent(run.firstChoicePercent()) + "% of the requests and the "
                        + "fallback " + Format.percent(run.fallbackPercent()) + "%; the primary answered "
                        + Format.percent(RunResult.percentOf(run.imagesFrom(primary), calls)) + "% of the "
                        + calls + " calls it got with an image");
    }

    /** {@code <label>: ≤ <bound> attempts per request}: calls the emulator received ÷ requests. */
    static TargetCheck attempts(String label, RunResult run, double most) {
        return attemptsAtMost(label + ": ≤ " + bound(most) + " attempts per request", run, most);
    }

    /** As {@link #attempts}, worded by the caller: for a bound that is no round number. */
    static TargetCheck attemptsAtMost(String target, RunResult run, double most) {
        String byModel = run.models().stream().map(m -> run.callsTo(m) + " to " + m.model())
                .collect(Collectors.joining(", "));
        return TargetCheck.atMost(target, run.attemptsPerRequest(), Format.number(run.attemptsPerRequest(), 2),
                " attempts/request", most, run.calls() + " calls for " + run.requests() + " requests: " + byModel);
    }

    /** {@code <label>: p99 ≤ <bound> s}, over every request, in scenario time. */
    static TargetCheck p99(String label, RunResult run, Duration most) {
        long limit = run.wallNanos(most);
        long slower = run.records().stream().filter(r -> r.latencyNanos() > limit).count();
        double p99 = seconds(RecordStats.latency(run.scale(), run.records(), 99));
        return TargetCheck.atMost(label + ": p99 ≤ " + most.toSeconds() + " s", p99, Format.number(p99, 1), " s",
                seconds(most),
                slower + " of " + run.requests() + " requests took longer than " + most.toSeconds() + " s (p50 "
                        + Format.seconds(RecordStats.latency(run.scale(), run.records(), 50)) + ")");
    }

    private static String unserved(RunResult run) {
        return (run.requests() - run.successes()) + " of " + run.requests() + " requests got no image ("
                + run.notes() + ")";
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
