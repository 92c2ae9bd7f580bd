package dev.genairesilience.provider.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * Reads a body into memory up to a limit, asking for one chunk at a time, so that it never keeps more than the
 * limit (twice that while it joins the chunks into one array). Past the limit it cancels its subscription, which
 * makes the JDK client close the connection instead of reading on, and either fails the body or keeps what fit.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {

    private final long limit;
    private final Supplier<RuntimeException> overLimit;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private final List<byte[]> chunks = new ArrayList<>();
    private long received;
    private Flow.Subscription subscription;

    private BoundedBodySubscriber(long limit, Supplier<RuntimeException> overLimit) {
        this.limit = limit;
        this.overLimit = overLimit;
    }

    /** A body of at most {@code limit} bytes; a longer one fails with what {@code overLimit} gives. */
    static BoundedBodySubscriber failingOver(long limit, Supplier<RuntimeException> overLimit) {
        return new BoundedBodySubscriber(limit, Objects.requireNonNull(overLimit, "overLimit"));
    }

    /** The first {@code limit} bytes of a body, the rest left unread. */
    static BoundedBodySubscriber truncatingAt(long limit) {
        return new BoundedBodySubscriber(limit, null);
    }

    /** A body refused before any of it is read, failing with {@code refusal}. */
    static BoundedBodySubscriber refusing(RuntimeException refusal) {
        BoundedBodySubscriber refused = new BoundedBodySubscriber(0, null);
        refused.body.completeExceptionally(refusal);
        return refused;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (subscription != null || body.isDone()) {
            s.cancel();
            return;
        }
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (body.isDone()) {
            // signals may still arrive after a cancel
            return;
        }
        for (ByteBuffer buffer : buffers) {
            int length = buffer.remaining();
            if (received + length > limit) {
                overflow(buffer);
                return;
            }
            keep(buffer, length);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable error) {
        chunks.clear();
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        // after a cut there is nothing to join
        if (!body.isDone()) {
            body.complete(joined());
        }
    }

    private void overflow(ByteBuffer crossing) {
        subscription.cancel();
        if (overLimit != null) {
            chunks.clear();
            body.completeExceptionally(overLimit.get());
            return;
        }
        keep(crossing, (int) (limit - received));
        body.complete(joined());
    }

    private void keep(ByteBuffer buffer, int length) {
        if (length > 0) {
            byte[] chunk = new byte[length];
            buffer.get(chunk);
            chunks.add(chunk);
            received += length;
        }
    }

    private byte[] joined() {
        byte[] all = new byte[(int) received];
        int offset = 0;
        for (byte[] chunk : chunks) {
            System.arraycopy(chunk, 0, all, offset, chunk.length);
            offset += chunk.length;
        }
        chunks.clear();
        return all;
    }
}
