package dev.genairesilience.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * An image answer of a set size, made up as it is written from a few constant bytes: the image, then zeros
 * to the size; in a JSON API, the image and its zeros in base64 inside the API's JSON. Decoded, it is a valid
 * image followed by zeros, so a client that accepts the size gets an image.
 */
final class OversizedBody implements AnswerBody {

    /** Where the base64 image goes in a JSON envelope: the string value holding exactly this. */
    static final String IMAGE_SLOT = "testkit-oversized-image-slot";

    private static final int CHUNK = 64 * 1024;
    private static final byte[] ZEROS = new byte[CHUNK];
    // three zero bytes are four 'A's in base64
    private static final byte[] BASE64_ZEROS = filled((byte) 'A');

    private final byte[] head;
    private final byte[] filler;
    private final long fillerLength;
    private final byte[] tail;
    private final long size;
    private final boolean withLength;

    private OversizedBody(byte[] head, byte[] filler, long fillerLength, byte[] tail, long size, boolean withLength) {
        this.head = head;
        this.filler = filler;
        this.fillerLength = fillerLength;
        this.tail = tail;
        this.size = size;
        this.withLength = withLength;
    }

    /** The image's raw bytes followed by zeros, as large as {@code oversized} says. */
    static OversizedBody raw(byte[] image, OversizedAnswer oversized) {
        long size = oversized.size();
        require(size, image.length);
        return new OversizedBody(image, ZEROS, size - image.length, new byte[0], size, oversized.withContentLength());
    }

    /**
     * {@code envelope}, the JSON of an API's image answer whose image string is {@link #IMAGE_SLOT}, with the
     * image and zeros in base64 in that string, and spaces after the JSON to make it as large as {@code oversized}
     * says.
     */
    static OversizedBody base64(byte[] envelope, byte[] image, OversizedAnswer oversized) {
        long size = oversized.size();
        String json = new String(envelope, StandardCharsets.UTF_8);
        int slot = json.indexOf(IMAGE_SLOT);
        if (slot < 0) {
            throw new IllegalArgumentException("The envelope has no " + IMAGE_SLOT);
        }
        // padded to whole base64 groups, the image's encoding ends without '=' and zeros can follow it
        byte[] encodedImage = Base64.getEncoder().encode(Arrays.copyOf(image, (image.length + 2) / 3 * 3));
        byte[] before = json.substring(0, slot).getBytes(StandardCharsets.UTF_8);
        byte[] head = new byte[before.length + encodedImage.length];
        System.arraycopy(before, 0, head, 0, before.length);
        System.arraycopy(encodedImage, 0, head, before.length, encodedImage.length);
        byte[] after = json.substring(slot + IMAGE_SLOT.length()).getBytes(StandardCharsets.UTF_8);
        require(size, head.length + after.length);
        long zeroGroups = (size - head.length - after.length) / 4 * 4;
        byte[] tail = new byte[(int) (size - head.length - after.length - zeroGroups) + after.length];
        System.arraycopy(after, 0, tail, 0, after.length);
        Arrays.fill(tail, after.length, tail.length, (byte) ' ');
        return new OversizedBody(head, BASE64_ZEROS, zeroGroups, tail, size, oversized.withContentLength());
    }

    @Override
    public long length() {
        return withLength ? size : -1;
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        out.write(head);
        for (long left = fillerLength; left > 0; left -= CHUNK) {
            out.write(filler, 0, (int) Math.min(CHUNK, left));
        }
        out.write(tail);
    }

    private static void require(long size, int least) {
        if (size < least) {
            throw new IllegalArgumentException("An answer of " + size + " bytes cannot hold the image's " + least);
        }
    }

    private static byte[] filled(byte value) {
        byte[] chunk = new byte[CHUNK];
        Arrays.fill(chunk, value);
        return chunk;
    }
}
