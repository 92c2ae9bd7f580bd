package dev.genairesilience.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Encodes an RGB PNG whose every row is of one colour, at a cost that grows with its height, not its pixel count, so
 * that a 4096 × 4096 image takes about a millisecond and 60 KB.
 *
 * <p>The first row of each band of one colour is filtered {@code Sub} (its first pixel, then zeros), the others
 * {@code Up} (all zeros). The zlib stream is made of raw deflate segments, each from a fresh {@link Deflater} and
 * ended by a sync flush, so that a segment refers to nothing before it and can be repeated: a run of zero rows is
 * written as copies of the segment of {@value #CHUNK_ROWS} zero rows of that width, then the segment of the rows
 * left, each compressed once and kept (a few hundred bytes each, at most {@value #MAX_KEPT_SEGMENTS} of them). The
 * Adler-32 of the zeros is computed in one step per row.
 */
final class BandedPng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final int CHUNK_ROWS = 64;
    private static final int MAX_KEPT_SEGMENTS = 512;
    // compressed runs of zero rows by row length and count, shared by all images
    private static final Map<Long, byte[]> ZERO_RUNS = new ConcurrentHashMap<>();
    private static final byte FILTER_SUB = 1;
    private static final byte FILTER_UP = 2;
    // zlib header: deflate, 32 KB window, default compression (0x789C is a multiple of 31)
    private static final byte[] ZLIB_HEADER = {0x78, (byte) 0x9C};
    // a final, empty block with fixed codes: ends the deflate stream after the sync-flushed segments
    private static final byte[] FINAL_BLOCK = {0x03, 0x00};

    private BandedPng() {
    }

    /**
     * The PNG of {@code width} × {@code height} pixels whose row {@code y} is all of colour
     * {@code rowColour.applyAsInt(y)} ({@code 0xRRGGBB}).
     */
    static byte[] encode(int width, int height, IntUnaryOperator rowColour) {
        int rowLength = 1 + 3 * width;
        byte[] zeroRow = new byte[rowLength];
        zeroRow[0] = FILTER_UP;
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        idat.writeBytes(ZLIB_HEADER);
        Adler32Sum adler = new Adler32Sum();
        int y = 0;
        while (y < height) {
            int colour = rowColour.applyAsInt(y) & 0xFFFFFF;
            byte[] first = firstRow(rowLength, colour);
            idat.writeBytes(deflate(first, 1));
            adler.update(first);
            int end = y + 1;
            while (end < height && (rowColour.applyAsInt(end) & 0xFFFFFF) == colour) {
                end++;
            }
            writeZeroRows(idat, zeroRow, end - y - 1);
            for (int row = y + 1; row < end; row++) {
                adler.update(FILTER_UP);
                adler.updateZeros(rowLength - 1L);
            }
            y = end;
        }
        idat.writeBytes(FINAL_BLOCK);
        int sum = adler.value();
        idat.writeBytes(new byte[] {(byte) (sum >>> 24), (byte) (sum >>> 16), (byte) (sum >>> 8), (byte) sum});

        ByteArrayOutputStream png = new ByteArrayOutputStream(idat.size() + 64);
        png.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per sample
        header[9] = 2; // truecolour, RGB; compression, filter and interlace methods 0
        chunk(png, "IHDR", header);
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** A row filtered {@code Sub}: its first pixel, then the differences to the left, all zero. */
    private static byte[] firstRow(int rowLength, int colour) {
        byte[] row = new byte[rowLength];
        row[0] = FILTER_SUB;
        row[1] = (byte) (colour >>> 16);
        row[2] = (byte) (colour >>> 8);
        row[3] = (byte) colour;
        return row;
    }

    private static void writeZeroRows(ByteArrayOutputStream out, byte[] zeroRow, int rows) {
        if (rows >= CHUNK_ROWS) {
            byte[] chunk = zeroRun(zeroRow, CHUNK_ROWS);
            for (int i = 0; i < rows / CHUNK_ROWS; i++) {
                out.writeBytes(chunk);
            }
        }
        int rest = rows % CHUNK_ROWS;
        if (rest > 0) {
            out.writeBytes(zeroRun(zeroRow, rest));
        }
    }

    /** The segment of {@code rows} zero rows like {@code zeroRow}, compressed once and kept. */
    private static byte[] zeroRun(byte[] zeroRow, int rows) {
        long key = (long) zeroRow.length << 8 | rows;
        byte[] kept = ZERO_RUNS.get(key);
        if (kept != null) {
            return kept;
        }
        byte[] segment = deflate(zeroRow, rows);
        if (ZERO_RUNS.size() >= MAX_KEPT_SEGMENTS) {
            ZERO_RUNS.clear();
        }
        ZERO_RUNS.put(key, segment);
        return segment;
    }

    /** {@code times} copies of {@code row} as raw deflate blocks from a fresh dictionary, ended by a sync flush. */
    private static byte[] deflate(byte[] row, int times) {
        // the default level: BEST_SPEED compresses runs of zeros four times less
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int i = 0; i < times; i++) {
                deflater.setInput(row);
                while (!deflater.needsInput()) {
                    out.write(buffer, 0, deflater.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH));
                }
            }
            int written;
            do {
                written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, written);
            } while (written == buffer.length);
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        png.writeBytes(length);
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        png.writeBytes(sum);
    }

    private static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
