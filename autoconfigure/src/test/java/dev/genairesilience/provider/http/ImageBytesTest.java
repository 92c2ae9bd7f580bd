package dev.genairesilience.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genairesilience.spi.MalformedResponseException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ImageBytesTest {

    private static final byte[] PNG_HEADER = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};

    @Test
    void base64WithLineBreaksIsDecoded() {
        String png = Base64.getEncoder().encodeToString(PNG_HEADER);

        assertThat(ImageBytes.fromBase64(200, png.substring(0, 4) + "\r\n" + png.substring(4), "x").bytes())
                .isEqualTo(PNG_HEADER);
    }

    @Test
    void recognisesTheFormatsImageApisAnswerIn() {
        assertThat(ImageBytes.mimeTypeOf(PNG_HEADER)).isEqualTo("image/png");
        assertThat(ImageBytes.mimeTypeOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo("image/jpeg");
        assertThat(ImageBytes.mimeTypeOf("RIFF\0\0\0\0WEBPVP8 ".getBytes())).isEqualTo("image/webp");
        assertThat(ImageBytes.mimeTypeOf("GIF89a".getBytes())).isEqualTo("image/gif");
        assertThat(ImageBytes.mimeTypeOf("{\"error\":null}".getBytes())).isNull();
    }

    @Test
    void missingBadEmptyOrNonImageDataIsMalformedNamingWhere() {
        assertThatThrownBy(() -> ImageBytes.fromBase64(200, null, "data[0].b64_json"))
                .isInstanceOf(MalformedResponseException.class).hasMessage("data[0].b64_json is missing or empty");
        assertThatThrownBy(() -> ImageBytes.fromBase64(200, "not base64!", "data[0].b64_json"))
                .hasMessage("data[0].b64_json is not valid base64");
        assertThatThrownBy(() -> ImageBytes.fromBase64(200, "====", "d"))
                .isInstanceOf(MalformedResponseException.class);
        assertThatThrownBy(() -> ImageBytes.fromBytes(200, new byte[0], "body")).hasMessage("body is empty");
        assertThatThrownBy(() -> ImageBytes.fromBase64(201, Base64.getEncoder().encodeToString("hello".getBytes()), "d"))
                .isInstanceOfSatisfying(MalformedResponseException.class, e -> assertThat(e.status()).isEqualTo(201))
                .hasMessage("d is not a PNG, JPEG, WebP or GIF image");
    }
}
