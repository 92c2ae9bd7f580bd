package dev.genairesilience.spi;

/**
 * The image a provider returned.
 *
 * @param bytes    the encoded image
 * @param mimeType its media type, such as {@code image/png}
 */
public record ProviderImage(byte[] bytes, String mimeType) {

    @Override
    public String toString() {
        return "ProviderImage[" + mimeType + ", " + bytes.length + " bytes]";
    }
}
