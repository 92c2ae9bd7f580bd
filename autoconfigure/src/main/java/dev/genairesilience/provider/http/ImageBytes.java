package dev.genairesilience.provider.http;

import dev.genairesilience.spi.MalformedResponseException;
import dev.genairesilience.spi.ProviderImage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

/**
 * Turns what an API answered into a {@link ProviderImage}, or into a {@link MalformedResponseException}
 * that names what is wrong: bytes must be a PNG, JPEG, WebP or GIF image, and the media type reported is
 * the one the bytes are, whatever the answer claimed.
 */
public final class ImageBytes {

    private ImageBytes() {
    }

    /**
     * Decodes a base64 image.
     *
     * @param status the 2xx status it came with
     * @param what   where it came from, such as {@code data[0].b64_json}, for the message
     */
    public static ProviderImage fromBase64(int status, String base64, String what) {
        if (base64 == null || base64.isBlank()) {
            throw new MalformedResponseException(status, what + " is missing or empty");
        }
        byte[] bytes;
        try {
            // some encoders wrap lines; the strict decoder would refuse that, the MIME one would accept junk
            bytes = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new MalformedResponseException(status, what + " is not valid base64");
        }
        return fromBytes(status, bytes, what);
    }

    /**
     * Checks raw image bytes.
     *
     * @param status the 2xx status they came with
     * @param what   where they came from, for the message
     */
    public static ProviderImage fromBytes(int status, byte[] bytes, String what) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedResponseException(status, what + " is empty");
        }
        String mimeType = mimeTypeOf(bytes);
        if (mimeType == null) {
            throw new MalformedResponseException(status, what + " is not a PNG, JPEG, WebP or GIF image");
        }
        return new ProviderImage(bytes, mimeType);
    }

    /**
     * Downloads an image an asynchronous API answered the URL of (a signed URL: it is fetched without any
     * credential), checked as {@link #fromBytes} checks it.
     */
    public static ProviderImage download(ProviderHttpClient http, URI url, Duration timeout)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> image = http.exchange(HttpRequest.newBuilder(url).GET(), timeout);
        return fromBytes(image.statusCode(), image.body(), "the image at " + url.getHost());
    }

    /** The media type the bytes' signature shows, or {@code null} for none of the formats image APIs answer in. */
    static String mimeTypeOf(byte[] b) {
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int offset, int... signature) {
        if (bytes.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
