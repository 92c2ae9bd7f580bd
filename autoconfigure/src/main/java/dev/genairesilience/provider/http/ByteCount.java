package dev.genairesilience.provider.http;

/** Byte counts as configuration writes them: {@code 64MB}, {@code 512KB}, {@code 1000B}. */
final class ByteCount {

    private static final long KB = 1024;
    private static final long MB = KB * 1024;

    private ByteCount() {
    }

    static String format(long bytes) {
        if (bytes >= MB && bytes % MB == 0) {
            return bytes / MB + "MB";
        }
        if (bytes >= KB && bytes % KB == 0) {
            return bytes / KB + "KB";
        }
        return bytes + "B";
    }
}
