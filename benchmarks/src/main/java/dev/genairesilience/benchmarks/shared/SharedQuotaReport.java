package dev.genairesilience.benchmarks.shared;

import dev.genairesilience.benchmarks.Format;
import dev.genairesilience.benchmarks.TargetCheck;
import dev.genairesilience.benchmarks.TimeScale;
import dev.genairesilience.benchmarks.report.ReportSection;
import java.util.List;

/** What {@link SharedQuotaScenario} measured, as a section of the results page. */
public final class SharedQuotaReport implements ReportSection {

    private final TimeScale scale;
    private final List<StoreRun> runs;
    private final List<StoreCost> costs;

    SharedQuotaReport(TimeScale scale, List<StoreRun> runs, List<StoreCost> costs) {
        this.scale = scale;
        this.runs = List.copyOf(runs);
        this.costs = List.copyOf(costs);
    }

    /** One store's run; {@code skipped} says why it did not run, else {@code null}. */
    record StoreRun(String store, int requests, int refused, int served, int firstChoice, String skipped) {

        static StoreRun of(String store, int requests, int refused, int served, int firstChoice) {
            return new StoreRun(store, requests, refused, served, firstChoice, null);
        }

        static StoreRun notRun(String store, String why) {
            return new StoreRun(store, 0, 0, 0, 0, why);
        }

        String successPercent() {
            return Format.percent(requests == 0 ? 0 : 100.0 * served / requests);
        }

        String firstChoicePercent() {
            return Format.percent(requests == 0 ? 0 : 100.0 * firstChoice / requests);
        }
    }

    /**
     * A store's cost per generation: its calls and their time, without and with a shared requests-per-minute pace.
     */
    record StoreCost(String store, double plainCalls, double plainMicros, double pacedCalls, double pacedMicros) {
    }

    @Override
    public String title() {
        return "shared-quota";
    }

    @Override
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Three instances of one application in this JVM, each with its own engine, behind one primary (`")
                .append("gpt-image-1`) that admits ").append(SharedQuotaScenario.QUOTA_PER_MINUTE)
                .append(" calls per sliding minute and answers 429 with `Retry-After: 10` beyond it; the secondary (`")
                .append("dall-e-3`) is healthy; every call takes 2 s. ")
                .append(Format.number(SharedQuotaScenario.REQUESTS_PER_SECOND, 0))
                .append(" requests/s (twice the quota) for 5 min, spread evenly over the instances, once per ")
                .append("`genai.shared-state.store`: `memory` (each instance learns alone), `jdbc` (one embedded ")
                .append("PostgreSQL) and `redis` (one Debian `redis-server`). Durations scaled by ")
                .append(scale.factor()).append("; the store's own calls are not.\n\n");
        md.append("| figure |");
        runs.forEach(r -> md.append(' ').append(r.store()).append(" |"));
        md.append("\n|---|");
        runs.forEach(r -> md.append("---:|"));
        md.append("\n| 429 answers received |");
        runs.forEach(r -> md.append(' ').append(r.skipped() == null ? Integer.toString(r.refused()) : "not run")
                .append(" |"));
        md.append("\n| success |");
        runs.forEach(r -> md.append(' ').append(r.skipped() == null ? r.successPercent() + "%" : "").append(" |"));
        md.append("\n| served by the primary (first choice) |");
        runs.forEach(r -> md.append(' ').append(r.skipped() == null ? r.firstChoicePercent() + "%" : "")
                .append(" |"));
        md.append('\n');
        runs.stream().filter(r -> r.skipped() != null)
                .forEach(r -> md.append("\n`").append(r.store()).append("` did not run: ").append(r.skipped())
                        .append('.'));
        md.append("\n\nWhat the store costs a generation: one instance, the primary answering at once from the ")
                .append("emulator on 127.0.0.1, ").append(SharedQuotaScenario.COST_GENERATIONS)
                .append(" generations one after another after ").append(SharedQuotaScenario.COST_WARMUP)
                .append(" to warm up, unscaled; the store's calls counted and timed around the starter's own store. ")
                .append("Each attempt reads the provider's shared hold; with `requests-per-minute` set, it also takes ")
                .append("the shared pace.\n\n");
        md.append("| store | store calls per generation | their time per generation | ")
                .append("with a shared requests-per-minute: calls | time |\n|---|---:|---:|---:|---:|\n");
        costs.forEach(c -> md.append("| ").append(c.store()).append(" | ")
                .append(Format.number(c.plainCalls(), 2)).append(" | ")
                .append(Format.number(c.plainMicros(), 0)).append(" µs | ")
                .append(Format.number(c.pacedCalls(), 2)).append(" | ")
                .append(Format.number(c.pacedMicros(), 0)).append(" µs |\n"));
        return md.toString();
    }

    @Override
    public List<TargetCheck> targets() {
        return List.of();
    }
}
