package dev.genairesilience.benchmarks.load;

import java.util.List;

/**
 * What a {@link LoadDriver} measured: every request, in arrival order.
 *
 * @param records one per request, in arrival order
 */
public record LoadRun(List<RequestRecord> records) {

    public LoadRun {
        records = List.copyOf(records);
    }
}
