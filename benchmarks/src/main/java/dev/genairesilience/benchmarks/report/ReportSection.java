package dev.genairesilience.benchmarks.report;

import dev.genairesilience.benchmarks.TargetCheck;
import java.util.List;

/** A part of the results page measured apart from the load scenarios ({@code scale}, {@code overhead}). */
public interface ReportSection {

    /** The section's heading. */
    String title();

    /** Its body in Markdown. */
    String markdown();

    /** The targets it checks. */
    List<TargetCheck> targets();
}
