package dev.genairesilience.testkit;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The body of an answer, written as it is sent, so that a body of any size need never be held whole: the
 * emulator often runs in the JVM of the test that calls it.
 */
interface AnswerBody {

    /** The body of no bytes. */
    AnswerBody EMPTY = of(new byte[0]);

    /** Its length, sent as {@code Content-Length}; {@code -1} sends it chunked, without one. */
    long length();

    /** Writes the whole body. */
    void writeTo(OutputStream out) throws IOException;

    /** A body of these bytes. */
    static AnswerBody of(byte[] bytes) {
        return new AnswerBody() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }
        };
    }
}
