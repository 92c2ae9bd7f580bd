package dev.genairesilience.benchmarks.scale;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Virtual threads, reached by reflection: the module compiles for Java 17, and the {@code scale} probe uses them
 * only when it runs on Java 21 or later.
 */
final class VirtualThreads {

    private VirtualThreads() {
    }

    /** Whether this JVM has virtual threads. */
    static boolean available() {
        return Runtime.version().feature() >= 21;
    }

    /** An executor starting a virtual thread per task ({@code Executors.newVirtualThreadPerTaskExecutor}). */
    static ExecutorService perTaskExecutor() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("No virtual threads on Java " + Runtime.version(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Could not create a virtual-thread executor", e.getCause());
        }
    }

    /** Starts {@code task} on a new virtual thread ({@code Thread.startVirtualThread}). */
    static Thread start(Runnable task) {
        try {
            Method start = Thread.class.getMethod("startVirtualThread", Runnable.class);
            return (Thread) start.invoke(null, task);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("No virtual threads on Java " + Runtime.version(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Could not start a virtual thread", e.getCause());
        }
    }
}
