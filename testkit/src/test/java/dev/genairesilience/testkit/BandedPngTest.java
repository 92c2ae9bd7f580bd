package dev.genairesilience.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.function.IntUnaryOperator;
import java.util.zip.Adler32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The PNG encoder of banded images, read back by the JDK's own PNG reader pixel by pixel. */
class BandedPngTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "3, 1", "1, 200", "64, 64", "65, 129", "300, 1000"})
    void everyPixelReadsBackAsTheColourOfItsRow(int width, int height) throws Exception {
        // bands of uneven heights, around and across the 64 rows compressed once and repeated
        IntUnaryOperator colour = y -> y < height / 3 ? 0x1E90FF : y < height / 3 + 70 ? 0xFF0000 : y % 2 == 0
                ? 0x00FF7F : 0x123456;

        BufferedImage image = EmulatorClient.image(BandedPng.encode(width, height, colour));

        assertThat(image.getWidth()).isEqualTo(width);
        assertThat(image.getHeight()).isEqualTo(height);
        String firstWrong = null;
        for (int y = 0; y < height && firstWrong == null; y++) {
            for (int x = 0; x < width && firstWrong == null; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != colour.applyAsInt(y)) {
                    firstWrong = x + "," + y + ": " + Integer.toHexString(image.getRGB(x, y) & 0xFFFFFF);
                }
            }
        }
        assertThat(firstWrong).as("the first pixel of another colour than its row's").isNull();
    }

    @Test
    void aFourKImageOfTwoBandsIsSmall() throws Exception {
        byte[] png = BandedPng.encode(4096, 4096, y -> y < 2560 ? 0xE6A05C : 0x2B4F80);

        BufferedImage image = EmulatorClient.image(png);
        assertThat(png.length).isLessThan(200 * 1024);
        assertThat(image.getRGB(4095, 2559) & 0xFFFFFF).isEqualTo(0xE6A05C);
        assertThat(image.getRGB(0, 2560) & 0xFFFFFF).isEqualTo(0x2B4F80);
    }

    @Test
    void theAdlerSumOfZerosTakenInOneStepIsTheOneOfTheZerosOneByOne() {
        byte[] bytes = new byte[100_000];
        bytes[0] = 7;
        bytes[50_000] = (byte) 200;
        Adler32 reference = new Adler32();
        reference.update(bytes);
        Adler32Sum sum = new Adler32Sum();
        sum.update((byte) 7);
        sum.updateZeros(49_999);
        sum.update((byte) 200);
        sum.updateZeros(49_999);

        assertThat(Integer.toUnsignedLong(sum.value())).isEqualTo(reference.getValue());
    }
}
