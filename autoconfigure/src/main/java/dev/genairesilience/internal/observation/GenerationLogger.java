package dev.genairesilience.internal.observation;

import dev.genairesilience.Attempt;
import dev.genairesilience.chain.ExecutionListener;
import dev.genairesilience.chain.ExecutionReport;
import dev.genairesilience.chain.Step;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * One INFO line per finished generation, as {@code key=value} pairs in the message and as SLF4J key-value pairs
 * (which Spring Boot's structured logging formats write as fields): chain, outcome, provider, model, resolution,
 * degraded, attempts, duration, and each call's summary. The prompt only when the application asks for it.
 */
public final class GenerationLogger implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(GenerationLogger.class);

    private final boolean includePrompt;

    /** @param includePrompt whether the line carries the prompt ({@code genai.logging.include-prompt}) */
    public GenerationLogger(boolean includePrompt) {
        this.includePrompt = includePrompt;
    }

    @Override
    public void executionFinished(ExecutionReport report) {
        if (!log.isInfoEnabled()) {
            return;
        }
        Map<String, Object> fields = fields(report);
        LoggingEventBuilder event = log.atInfo();
        fields.forEach(event::addKeyValue);
        event.log("genai generation " + fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + format(e.getValue()))
                .collect(Collectors.joining(" ")));
    }

    private Map<String, Object> fields(ExecutionReport report) {
        Step<?> step = report.delivered();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("chain", report.plan());
        fields.put("outcome", report.result().name());
        fields.put("provider", step == null ? null : step.provider());
        fields.put("model", step == null ? null : step.model());
        fields.put("resolution", step == null || step.resolution() == null ? null : step.resolution().label());
        fields.put("degraded", report.degraded());
        fields.put("attempts", report.attempts().size());
        fields.put("duration_ms", report.duration().toMillis());
        fields.put("calls", report.attempts().stream().map(Attempt::summary).collect(Collectors.joining(", ")));
        if (includePrompt && report.prompt() != null) {
            fields.put("prompt", report.prompt());
        }
        return fields;
    }

    /** Text with spaces, quotes or line breaks is quoted, so each line stays one parseable record. */
    private static String format(Object value) {
        if (value == null) {
            return "-";
        }
        String text = value.toString();
        if (text.isEmpty() || text.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=' || c < 0x20)) {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                    .replace("\t", "\\t") + '"';
        }
        return text;
    }
}
