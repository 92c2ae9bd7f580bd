package dev.genairesilience.testkit;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A body sent one byte at a time, each on the wire {@code perByte} after the one before, until it is whole or
 * {@code atMost} has passed; then the emulator hangs up, leaving it short.
 */
final class TrickledBody implements AnswerBody {

    private final AnswerBody body;
    private final Duration perByte;
    private final Duration atMost;

    TrickledBody(AnswerBody body, Duration perByte, Duration atMost) {
        this.body = body;
        this.perByte = perByte;
        this.atMost = atMost;
    }

    @Override
    public long length() {
        return body.length();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        long deadline = System.nanoTime() + atMost.toNanos();
        body.writeTo(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                pause(deadline);
                out.write(b);
                out.flush();
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                for (int i = offset; i < offset + length; i++) {
                    write(bytes[i]);
                }
            }
        });
    }

    private void pause(long deadline) throws InterruptedIOException {
        if (System.nanoTime() - deadline > 0) {
            throw new InterruptedIOException("trickled for " + atMost + "; the emulator hangs up");
        }
        try {
            Durations.sleep(perByte);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("the emulator is closing");
        }
    }
}
