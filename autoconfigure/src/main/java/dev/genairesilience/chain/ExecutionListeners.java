package dev.genairesilience.chain;

import dev.genairesilience.Attempt;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several {@link ExecutionListener}s as one, each guarded: a listener that throws is logged and skipped, so
 * observing a generation can never break it.
 */
public final class ExecutionListeners implements ExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ExecutionListeners.class);

    private final List<ExecutionListener> listeners;

    private ExecutionListeners(List<ExecutionListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** The listeners, called in this order. */
    public static ExecutionListener of(List<ExecutionListener> listeners) {
        return new ExecutionListeners(listeners);
    }

    @Override
    public void attemptFinished(String plan, Attempt attempt) {
        each(listener -> listener.attemptFinished(plan, attempt));
    }

    @Override
    public void breakerRefused(String plan, Step<?> step) {
        each(listener -> listener.breakerRefused(plan, step));
    }

    @Override
    public void stepSpilled(String plan, Step<?> step, String reason) {
        each(listener -> listener.stepSpilled(plan, step, reason));
    }

    @Override
    public void retryBudgetRefused(String plan, Step<?> step) {
        each(listener -> listener.retryBudgetRefused(plan, step));
    }

    @Override
    public void executionFinished(ExecutionReport report) {
        each(listener -> listener.executionFinished(report));
    }

    private void each(Consumer<ExecutionListener> call) {
        for (ExecutionListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.warn("genai: execution listener {} failed; the generation goes on", listener.getClass().getName(),
                        e);
            }
        }
    }
}
