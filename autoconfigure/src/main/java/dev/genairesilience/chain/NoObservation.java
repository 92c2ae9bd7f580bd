package dev.genairesilience.chain;

/** The handle of work nobody observes. */
enum NoObservation implements ExecutionObserver.Observed<Object> {

    INSTANCE;

    @Override
    public void finished(Object result) {
    }

    @Override
    public void failed(Throwable error) {
    }
}
