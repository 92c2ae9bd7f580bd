package dev.genairesilience.chain;

import dev.genairesilience.Attempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ExecutionObserver} and its handles, each call guarded: one that throws is logged and has no further
 * effect, so observing a generation can never break it. A handle ends once: a later end is ignored, so that the
 * executor may end a piece of work both where it knows how it went and, should something cut it short, where the
 * error passes by.
 */
final class GuardedObserver implements ExecutionObserver {

    private static final Logger log = LoggerFactory.getLogger(GuardedObserver.class);

    private final ExecutionObserver observer;

    private GuardedObserver(ExecutionObserver observer) {
        this.observer = observer;
    }

    static ExecutionObserver of(ExecutionObserver observer) {
        return observer == NONE || observer instanceof GuardedObserver ? observer : new GuardedObserver(observer);
    }

    @Override
    public Observed<ExecutionReport> executionStarted(String plan) {
        try {
            return new GuardedHandle<>(observer.executionStarted(plan));
        } catch (RuntimeException e) {
            warn(e);
            return Observed.none();
        }
    }

    @Override
    public Observed<Attempt> attemptStarted(String plan, Step<?> step, int number) {
        try {
            return new GuardedHandle<>(observer.attemptStarted(plan, step, number));
        } catch (RuntimeException e) {
            warn(e);
            return Observed.none();
        }
    }

    private void warn(RuntimeException e) {
        log.warn("genai: execution observer {} failed; the generation goes on", observer.getClass().getName(), e);
    }

    private final class GuardedHandle<R> implements Observed<R> {

        private final Observed<R> handle;
        private boolean ended;

        GuardedHandle(Observed<R> handle) {
            this.handle = handle == null ? Observed.none() : handle;
        }

        @Override
        public void finished(R result) {
            if (ended) {
                return;
            }
            ended = true;
            try {
                handle.finished(result);
            } catch (RuntimeException e) {
                warn(e);
            }
        }

        @Override
        public void failed(Throwable error) {
            if (ended) {
                return;
            }
            ended = true;
            try {
                handle.failed(error);
            } catch (RuntimeException e) {
                warn(e);
            }
        }
    }
}
