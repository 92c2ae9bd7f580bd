package dev.genairesilience.chain;

import dev.genairesilience.Attempt;

/**
 * Brackets the work of the {@link ChainExecutor}: told when each execution and each of its calls to a provider
 * starts, it gets a handle that the executor ends exactly once, on the same thread, when that work is over, so that
 * an implementation can keep a span or an {@code Observation} open around it (and in scope, so that what the call
 * does inside, such as its HTTP exchange, is nested under it). Unlike an {@link ExecutionListener}, which hears
 * of things after they happened, an observer sees the work while it runs. An exception it throws is logged and
 * never reaches the caller of the generation. The engine uses {@link #NONE} unless given another one.
 */
public interface ExecutionObserver {

    /** An observer that observes nothing. */
    ExecutionObserver NONE = new ExecutionObserver() {
        @Override
        public Observed<ExecutionReport> executionStarted(String plan) {
            return Observed.none();
        }

        @Override
        public Observed<Attempt> attemptStarted(String plan, Step<?> step, int number) {
            return Observed.none();
        }
    };

    /**
     * When an execution starts, before anything is tried.
     *
     * @param plan the plan's name: the chain, or the {@code @ModelFallback} method
     * @return ended with the execution's {@link ExecutionReport}
     */
    Observed<ExecutionReport> executionStarted(String plan);

    /**
     * Right before a call to a provider (the last resort included).
     *
     * @param plan   the plan's name
     * @param step   the step called
     * @param number the call's number in the execution: 1, 2, …
     * @return ended with the {@link Attempt} as it happened
     */
    Observed<Attempt> attemptStarted(String plan, Step<?> step, int number);

    /**
     * Work an observer was told of, ended exactly once: {@link #finished} with what came of it, or {@link #failed}
     * when an unexpected error cut it short (an interrupt, a bug) before there was anything to report.
     *
     * @param <R> what the work ends with
     */
    interface Observed<R> {

        /** The work is over; {@code result} says how it went. */
        void finished(R result);

        /** The work was cut short by {@code error}, which goes on to the caller. */
        void failed(Throwable error);

        /** A handle that does nothing. */
        @SuppressWarnings("unchecked")
        static <R> Observed<R> none() {
            return (Observed<R>) NoObservation.INSTANCE;
        }
    }
}
