package dev.genairesilience.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bodies behind oversized and trickling answers, written to memory. */
class HostileBodiesTest {

    // small, so that answers of a few KB can hold it
    private static final byte[] PNG = new PngRenderer().render("a red fox", new ImageSize(64, 64));
    private static final IncomingCall CALL = IncomingCall.valid("m", "a red fox", "k", false, "1K");

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {4096, 4097, 4098, 4099, 4100})
    void aBase64AnswerOfAnySizeIsExactlyThatLargeAndValidJsonAroundTheImage(int size) throws IOException {
        byte[] body = written(new OpenAiDialect().oversized(CALL, PNG, new OversizedAnswer(size, true)).body());

        assertThat(body).hasSize(size);
        JsonNode json = Json.readOrNull(body);
        byte[] image = Base64.getDecoder().decode(json.at("/data/0/b64_json").asText());
        assertThat(image).startsWith(PNG);
        assertThat(image.length - PNG.length).isBetween(0, size);
        for (int i = PNG.length; i < image.length; i++) {
            assertThat(image[i]).isZero();
        }
    }

    @Test
    void aGeminiAnswerKeepsItsEnvelopeAroundTheImage() throws IOException {
        byte[] body = written(new GeminiDialect().oversized(CALL, PNG, new OversizedAnswer(10_000, false)).body());

        JsonNode json = Json.readOrNull(body);
        assertThat(json.at("/candidates/0/content/parts/1/inlineData/mimeType").asText()).isEqualTo("image/png");
        assertThat(json.at("/modelVersion").asText()).isEqualTo("m");
        assertThat(Base64.getDecoder().decode(json.at("/candidates/0/content/parts/1/inlineData/data").asText()))
                .startsWith(PNG);
    }

    @Test
    void anAnswerWithoutContentLengthDeclaresNoLength() {
        AnswerBody chunked = new HuggingFaceDialect().oversized(CALL, PNG, new OversizedAnswer(10_000, false)).body();
        AnswerBody declared = new HuggingFaceDialect().oversized(CALL, PNG, new OversizedAnswer(10_000, true)).body();

        assertThat(chunked.length()).isEqualTo(-1);
        assertThat(declared.length()).isEqualTo(10_000);
    }

    @Test
    void aSizeTooSmallForTheImageIsRefused() {
        assertThatThrownBy(() -> OversizedBody.raw(PNG, new OversizedAnswer(PNG.length - 1, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot hold the image");
    }

    @Test
    void aTrickleThatOutlastsItsBoundHangsUpOnAShortBody() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TrickledBody body = new TrickledBody(AnswerBody.of(new byte[1000]), Duration.ofMillis(2),
                Duration.ofMillis(50));

        assertThatThrownBy(() -> body.writeTo(out)).isInstanceOf(InterruptedIOException.class);
        assertThat(out.size()).isLessThan(1000);
    }

    private static byte[] written(AnswerBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toByteArray();
    }
}
