package dev.genairesilience.spi;

import java.time.Duration;

/**
 * One configured model at one provider API. An implementation makes exactly one HTTP call per
 * {@link #generate} and never retries: the engine's chain executor is the only retry loop.
 *
 * <p>On a non-2xx answer throw {@link ProviderHttpException} with the status, headers and body; on a 2xx
 * answer without a usable image throw {@link MalformedResponseException}; let I/O exceptions
 * ({@code HttpTimeoutException}, {@code ConnectException}…) propagate. The engine classifies each of them
 * once.
 */
public interface ImageProvider {

    /** The id under {@code genai.providers}; also the name of its circuit breaker. */
    String id();

    /** The model this provider asks for. */
    String model();

    /** What it can serve. */
    ProviderCapabilities capabilities();

    /**
     * The longest one call may take ({@code genai.providers.<id>.timeout}); the engine gives each call the
     * smaller of this and the time left before the request's deadline, as {@link GenerationCall#timeout()}.
     */
    default Duration timeout() {
        return Duration.ofSeconds(60);
    }

    /** Makes the one call. */
    ProviderImage generate(GenerationCall call) throws Exception;

    /**
     * Makes the cheapest call that gets this model ready to serve, within {@code timeout}: loads a cold model,
     * or at least checks that the key and the model id are accepted. Called at start-up and for keep-alive
     * ({@code genai.warmup.*}); one call, no retries, failures thrown as {@link #generate} throws them. Does
     * nothing by default: a provider with nothing to warm is always ready.
     */
    default void warmUp(Duration timeout) throws Exception {
    }

    /** Whether {@link #probe} has a call that costs nothing; a provider without one is never probed. */
    default boolean probes() {
        return false;
    }

    /**
     * Checks, with a call that costs nothing (such as reading the model's metadata), that the API answers for this
     * model and key, within {@code timeout}; throws as {@link #generate} throws. Only called when
     * {@link #probes()} is {@code true}.
     *
     * @throws UnsupportedOperationException by default: the provider has no free call
     */
    default void probe(Duration timeout) throws Exception {
        throw new UnsupportedOperationException(id() + " has no call that costs nothing to probe with");
    }

    /**
     * Whether {@link #resume} can fetch a job an earlier run submitted: an asynchronous provider whose API keeps its
     * jobs for a while, and which told its {@link GenerationCall#submissions()} of each one it submitted.
     */
    default boolean resumes() {
        return false;
    }

    /**
     * Fetches the job {@code handle} names, which an attempt of an earlier run submitted (and told its
     * {@link GenerationCall#submissions()} of), without submitting anything: polls it as an attempt polls, within
     * {@code timeout}, then downloads its image. Only called when {@link #resumes()} is {@code true}.
     *
     * @throws UnknownJobException   when the API no longer knows the job (expired, or never there)
     * @throws AbandonedJobException when it is still not finished at the end of {@code timeout} (cancelled where the
     *                               API can cancel)
     * @throws Exception             what the job failed with, as {@link #generate} throws it
     */
    default ProviderImage resume(JobHandle handle, Duration timeout) throws Exception {
        throw new UnsupportedOperationException(id() + " cannot resume a job");
    }
}
