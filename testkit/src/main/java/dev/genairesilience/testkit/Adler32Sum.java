package dev.genairesilience.testkit;

/**
 * The Adler-32 checksum a zlib stream ends with, which can also take a run of zero bytes in one step: the
 * emulator's images are mostly zeros once filtered, and summing millions of them one by one would cost more than
 * compressing them.
 */
final class Adler32Sum {

    private static final int MOD = 65521;

    private long a = 1;
    private long b;

    /** Adds {@code bytes}. */
    void update(byte[] bytes) {
        for (byte value : bytes) {
            update(value);
        }
    }

    /** Adds one byte. */
    void update(byte value) {
        a = (a + (value & 0xFF)) % MOD;
        b = (b + a) % MOD;
    }

    /** Adds {@code count} zero bytes: the first sum stays, the second grows by {@code count} times the first. */
    void updateZeros(long count) {
        b = (b + (count % MOD) * a) % MOD;
    }

    /** The checksum so far. */
    int value() {
        return (int) ((b << 16) | a);
    }
}
