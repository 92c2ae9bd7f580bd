package dev.genairesilience.batch;

/**
 * A stored job image.
 *
 * @param bytes    the encoded image
 * @param mimeType its media type, such as {@code image/png}
 */
public record StoredImage(byte[] bytes, String mimeType) {

    @Override
    public String toString() {
        return "StoredImage[" + mimeType + ", " + bytes.length + " bytes]";
    }
}
