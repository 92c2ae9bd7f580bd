package dev.genairesilience.benchmarks.scenario;

import dev.genairesilience.benchmarks.Format;
import dev.genairesilience.benchmarks.LatencyHistogram;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.load.LoadRun;
import dev.genairesilience.benchmarks.load.RequestOutcome;
import dev.genairesilience.benchmarks.load.RequestRecord;
import dev.genairesilience.benchmarks.strategy.ModelEndpoint;
import dev.genairesilience.benchmarks.strategy.StrategyKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One scenario × strategy run: every request, and what the emulator received. */
public final class RunResult {

    /** A wait for a client thread worth a note: the pool was saturated. */
    private static final Duration QUEUED_NOTEWORTHY = Duration.ofSeconds(1);

    private final StrategyKind strategy;
    private final TimeScale scale;
    private final LoadRun load;
    private final List<ModelEndpoint> models;
    private final Map<String, ModelCounts> countsByModel;
    private final Map<Integer, List<EmulatedCall>> callsByRequest;
    private final LatencyHistogram latency = new LatencyHistogram();

    /**
     * @param countsByModel what the emulator counted, by model id
     * @param calls         the calls every model received
     */
    RunResult(StrategyKind strategy, TimeScale scale, LoadRun load, List<ModelEndpoint> models,
            Map<String, ModelCounts> countsByModel, List<EmulatedCall> calls) {
        this.strategy = strategy;
        this.scale = scale;
        this.load = load;
        this.models = List.copyOf(models);
        this.countsByModel = Map.copyOf(countsByModel);
        this.callsByRequest = calls.stream().filter(c -> c.request() >= 0)
                .sorted(Comparator.comparing(EmulatedCall::receivedAt))
                .collect(Collectors.groupingBy(EmulatedCall::request, Collectors.toUnmodifiableList()));
        load.records().forEach(r -> latency.record(r.latencyNanos()));
    }

    public StrategyKind strategy() {
        return strategy;
    }

    public TimeScale scale() {
        return scale;
    }

    /** The models offered, the preferred first. */
    public List<ModelEndpoint> models() {
        return models;
    }

    public List<RequestRecord> records() {
        return load.records();
    }

    public int requests() {
        return load.records().size();
    }

    public long successes() {
        return load.records().stream().filter(RequestRecord::succeeded).count();
    }

    public double successPercent() {
        return percentOf(successes(), requests());
    }

    /** Generation calls the emulator received, all models together. */
    public int calls() {
        return countsByModel.values().stream().mapToInt(ModelCounts::calls).sum();
    }

    public double attemptsPerRequest() {
        return requests() == 0 ? 0 : (double) calls() / requests();
    }

    /** Calls the preferred model, the one the scenario makes fail, received. */
    public int primaryCalls() {
        return callsTo(models.get(0));
    }

    /** Calls one model received. */
    public int callsTo(ModelEndpoint model) {
        return counts(model).calls();
    }

    /** Calls to one model the emulator answered with anything but an image. */
    public int refusalsBy(ModelEndpoint model) {
        return counts(model).refusals();
    }

    /** Calls to one model the emulator answered with an image, whether or not a caller still waited for it. */
    public int imagesFrom(ModelEndpoint model) {
        return counts(model).images();
    }

    private ModelCounts counts(ModelEndpoint model) {
        return countsByModel.getOrDefault(model.model(), new ModelCounts(0, 0));
    }

    /** The nearest-rank percentile of every request's latency, in wall milliseconds. */
    public double latencyMillis(double percentile) {
        return latency.percentileMillis(percentile);
    }

    /** Whether the request made at least one call to the preferred model. */
    public boolean touchedPrimary(RequestRecord record) {
        String primary = models.get(0).model();
        return callsOf(record).stream().anyMatch(c -> primary.equals(c.model()));
    }

    /** The calls a request made, to every model, in the order the emulator received them. */
    List<EmulatedCall> callsOf(RequestRecord record) {
        return callsByRequest.getOrDefault(record.index(), List.of());
    }

    /** The calls {@code records} made, to every model, together. */
    long callsMadeBy(List<RequestRecord> records) {
        return records.stream().mapToLong(r -> callsOf(r).size()).sum();
    }

    /** Wall nanoseconds since the run's start of a scenario instant. */
    public long wallNanos(Duration scenarioTime) {
        return scale.wall(scenarioTime).toNanos();
    }

    /** The requests that arrived in {@code [from, to)}, scenario time since the start. */
    public List<RequestRecord> arrivedBetween(Duration from, Duration to) {
        long a = wallNanos(from);
        long b = wallNanos(to);
        return load.records().stream().filter(r -> r.arrivalNanos() >= a && r.arrivalNanos() < b).toList();
    }

    /**
     * The {@code first-choice %} column: the share of all requests served by the chain's first provider, the
     * preferred model, in percent. For a strategy that has only that model it is its success share.
     */
    public double firstChoicePercent() {
        String primary = models.get(0).model();
        return percentOf(load.records().stream().filter(r -> r.succeeded() && primary.equals(r.servedBy())).count(),
                requests());
    }

    /** The share of requests served by a model other than the preferred one, in percent. */
    public double fallbackPercent() {
        String primary = models.get(0).model();
        long fallback = load.records().stream()
                .filter(r -> r.succeeded() && !primary.equals(r.servedBy())).count();
        return percentOf(fallback, requests());
    }

    /** What the table's notes column says: fallback share, failures, unfinished requests, pool saturation. */
    public String notes() {
        List<String> notes = new ArrayList<>();
        if (models.size() > 1) {
            notes.add(Format.percent(fallbackPercent()) + "% via fallback");
        }
        Map<String, List<RequestRecord>> failures = load.records().stream()
                .filter(r -> r.outcome() == RequestOutcome.FAILED)
                .collect(Collectors.groupingBy(RequestRecord::failure, TreeMap::new, Collectors.toList()));
        failures.forEach((kind, failed) -> notes.add(failed.size() + "× " + kind + example(failed.get(0))));
        long unfinished = load.records().stream().filter(r -> r.outcome() == RequestOutcome.UNFINISHED).count();
        if (unfinished > 0) {
            notes.add(unfinished + " unfinished at the drain limit");
        }
        long queueLimit = wallNanos(QUEUED_NOTEWORTHY);
        List<RequestRecord> queued = load.records().stream().filter(r -> r.queuedNanos() > queueLimit).toList();
        if (!queued.isEmpty()) {
            long longest = queued.stream().mapToLong(RequestRecord::queuedNanos).max().orElse(0);
            notes.add(queued.size() + " waited > 1 s for a client thread (up to "
                    + Format.seconds(scale.scenario(Duration.ofNanos(longest))) + ")");
        }
        return String.join("; ", notes);
    }

    /** Requests per outcome, for the progress log. */
    public Map<RequestOutcome, Long> outcomes() {
        return load.records().stream().collect(
                Collectors.groupingBy(RequestRecord::outcome, TreeMap::new, Collectors.counting()));
    }

    /**
     * The first parenthesised part of a failure's message, where the engine says what each step did, such as
     * {@code (sdxl/1K: MODEL_LOADING, retry budget of sdxl spent)}; empty when there is none.
     */
    private static String example(RequestRecord failed) {
        String message = failed.failureMessage();
        int open = message == null ? -1 : message.indexOf('(');
        if (open < 0) {
            return "";
        }
        int depth = 0;
        for (int i = open; i < message.length(); i++) {
            depth += message.charAt(i) == '(' ? 1 : message.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return " (e.g. " + message.substring(open + 1, i).replace('|', '/') + ")";
            }
        }
        return "";
    }

    static double percentOf(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
