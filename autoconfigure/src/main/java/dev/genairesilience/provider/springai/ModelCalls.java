package dev.genairesilience.provider.springai;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs each model call on a thread of its own, so that the caller gets its answer when the attempt's timeout is up
 * even though {@code ImageModel.call} takes no timeout: the call is then interrupted (the JDK's {@code HttpClient}
 * gives up an exchange it was waiting on; other HTTP clients may read on until their own read timeout) and the
 * attempt fails with an {@link HttpTimeoutException}.
 */
final class ModelCalls implements AutoCloseable {

    private final ExecutorService threads = Executors.newCachedThreadPool(new NamedDaemonThreads());

    /**
     * @param timeout how long to wait for the answer, {@code null} for as long as it takes
     * @throws HttpTimeoutException when the call did not answer in time
     * @throws Exception            what the call threw
     */
    <T> T within(Duration timeout, Callable<T> call) throws Exception {
        Future<T> answer = threads.submit(call);
        try {
            return timeout == null ? answer.get() : answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("the ImageModel did not answer within " + timeout);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw cause instanceof Exception exception ? exception : e;
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    private static final class NamedDaemonThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "genai-spring-ai-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
