package dev.genairesilience.provider.http;

import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.spi.ProviderHttpException;
import dev.genairesilience.spi.ProviderSettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Makes the one HTTP exchange of a provider call on the shared {@link HttpClient}: no retries, no longer than
 * the call's timeout, reading of the body included (the JDK's request timeout alone stops at the response
 * headers), and no more body than {@code maxResponseBytes} (see {@link BoundedBodyHandler}), so that a broken or
 * hostile server can cost a call neither unbounded time nor unbounded memory. A non-2xx answer becomes a
 * {@link ProviderHttpException}, a 2xx one over the size a {@link MalformedResponseException}; I/O failures
 * propagate as the JDK reports them, a timeout as {@link HttpTimeoutException}.
 */
public final class ProviderHttpClient {

    // the body is held in one array
    private static final long LARGEST_ARRAY = Integer.MAX_VALUE - 8;

    private final String providerId;
    private final HttpClient httpClient;
    private final BoundedBodyHandler bodies;

    /**
     * @param providerId       the provider's id, named in {@link ProviderHttpException}
     * @param httpClient       the shared client
     * @param maxResponseBytes the largest 2xx body a call reads: {@link ProviderSettings#maxResponseBytes()}
     */
    public ProviderHttpClient(String providerId, HttpClient httpClient, long maxResponseBytes) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
        if (maxResponseBytes < 1 || maxResponseBytes > LARGEST_ARRAY) {
            throw new IllegalArgumentException("maxResponseBytes must be between 1 and " + LARGEST_ARRAY + ", was "
                    + maxResponseBytes);
        }
        this.bodies = new BoundedBodyHandler(providerId, maxResponseBytes);
    }

    /**
     * Sends the request once and waits at most {@code timeout} for the whole answer.
     *
     * @return the 2xx answer with its body
     * @throws ProviderHttpException      for any other status
     * @throws MalformedResponseException when the 2xx body is larger than {@code maxResponseBytes}
     * @throws HttpTimeoutException       when the answer did not arrive in time, or no time was left to begin with
     * @throws IOException                when the connection failed
     */
    public HttpResponse<byte[]> exchange(HttpRequest.Builder request, Duration timeout)
            throws IOException, InterruptedException {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new HttpTimeoutException("no time left for the call");
        }
        CompletableFuture<HttpResponse<byte[]>> answer = httpClient.sendAsync(request.timeout(timeout).build(), bodies);
        HttpResponse<byte[]> response = await(answer, timeout);
        int status = response.statusCode();
        if (!BoundedBodyHandler.isSuccess(status)) {
            byte[] body = response.body() == null ? new byte[0] : response.body();
            throw new ProviderHttpException(providerId, status, response.headers().map(),
                    new String(body, StandardCharsets.UTF_8));
        }
        return response;
    }

    private static HttpResponse<byte[]> await(CompletableFuture<HttpResponse<byte[]>> answer, Duration timeout)
            throws IOException, InterruptedException {
        try {
            return answer.get(nanos(timeout), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("request timed out");
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        }
    }

    private static IOException rethrowable(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }

    private static long nanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            // a timeout of centuries: as good as none
            return Long.MAX_VALUE;
        }
    }
}
