package dev.genairesilience.testkit;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/** A body whose writing is counted in its model's figures: bytes sent, and answers the caller hung up on. */
final class CountedBody implements AnswerBody {

    private final AnswerBody body;
    private final ModelBehaviour model;

    CountedBody(AnswerBody body, ModelBehaviour model) {
        this.body = body;
        this.model = model;
    }

    @Override
    public long length() {
        return body.length();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try {
            body.writeTo(new FilterOutputStream(out) {
                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    model.recordBodyBytes(1);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                    model.recordBodyBytes(length);
                }
            });
        } catch (InterruptedIOException e) {
            // the emulator, not the caller, stopped this answer
            throw e;
        } catch (IOException e) {
            model.recordAbandonedAnswer();
            throw e;
        }
    }
}
