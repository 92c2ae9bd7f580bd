package dev.genairesilience.failure;

import dev.genairesilience.spi.FailureClassifier;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place an exception becomes a {@link Failure}: asks each classifier in order, first for the
 * exception itself and then for each of its causes, and takes the first answer. An exception nobody
 * recognises is {@link FailureKind#UNKNOWN}.
 */
public final class FailureClassification {

    private final List<FailureClassifier> classifiers;

    /** @param classifiers asked in this order (the application's own first, then the built-in ones) */
    public FailureClassification(List<FailureClassifier> classifiers) {
        this.classifiers = List.copyOf(classifiers);
    }

    /** Classifies {@code error}; never returns {@code null}. */
    public Failure classify(Throwable error) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = error; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            for (FailureClassifier classifier : classifiers) {
                Failure failure = classifier.classify(t);
                if (failure != null) {
                    return failure;
                }
            }
        }
        return Failure.of(FailureKind.UNKNOWN, error == null ? null : error.getClass().getName());
    }
}
