package org.reconlab.app.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What {@link PngEncoder} writes, decoded by the JDK's ImageIO reader, is the image it was given. */
class PngEncoderTest {

    private static byte[] ourPng(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PngEncoder.write(image, FigureFiles.PNG_LEVEL, bytes);
        return bytes.toByteArray();
    }

    private static BufferedImage noise(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return image;
    }

    /** Decodes what PngEncoder wrote with ImageIO's reader: the same size and every pixel as drawn. */
    private static void assertDecodesToTheSamePixels(BufferedImage image) throws IOException {
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(ourPng(image)));
        assertThat(back).as("a PNG that ImageIO reads").isNotNull();
        assertThat(back.getWidth()).isEqualTo(image.getWidth());
        assertThat(back.getHeight()).isEqualTo(image.getHeight());
        int width = image.getWidth();
        int height = image.getHeight();
        assertThat(back.getRGB(0, 0, width, height, null, 0, width))
                .isEqualTo(image.getRGB(0, 0, width, height, null, 0, width));
    }

    /** Chunk types and lengths of a PNG file. */
    private static List<String> chunks(byte[] png) {
        List<String> chunks = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(png, 8, png.length - 8);
        while (buffer.hasRemaining()) {
            int length = buffer.getInt();
            byte[] type = new byte[4];
            buffer.get(type);
            chunks.add(new String(type, java.nio.charset.StandardCharsets.US_ASCII) + " " + length);
            buffer.position(buffer.position() + length + 4);
        }
        return chunks;
    }

    @Test
    void aDrawnFigureDecodesToItsPixels() throws IOException {
        List<Figure> figures = PlotPlanner.plan(List.of(
                new org.reconlab.core.engine.TrialResult(0, 0, java.util.Map.of("scale", 0.1), 1,
                        org.reconlab.core.engine.TrialStatus.DONE, "", 10, java.util.Map.of("error", 0.5),
                        List.of(new org.reconlab.core.engine.SeriesPoint(0, "error", 1.0),
                                new org.reconlab.core.engine.SeriesPoint(10, "error", 0.5)), 0.1),
                new org.reconlab.core.engine.TrialResult(1, 0, java.util.Map.of("scale", 0.01), 1,
                        org.reconlab.core.engine.TrialStatus.DONE, "", 10, java.util.Map.of("error", 0.05),
                        List.of(new org.reconlab.core.engine.SeriesPoint(0, "error", 1.0),
                                new org.reconlab.core.engine.SeriesPoint(10, "error", 0.05)), 0.1)),
                List.of()).figures();
        assertThat(figures).isNotEmpty();
        Figure figure = figures.get(0);
        int width = figure.chart().getWidth();
        int height = figure.chart().getHeight();
        BufferedImage image = new BufferedImage(2 * width, 2 * height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.scale(2, 2);
        figure.chart().paint(graphics, width, height);
        graphics.dispose();

        assertDecodesToTheSamePixels(image);
    }

    @Test
    void incompressibleImagesSpanSeveralFullIdatChunks() throws IOException {
        BufferedImage image = noise(200, 150, 7);
        byte[] png = ourPng(image);
        List<String> chunks = chunks(png);
        assertThat(chunks.get(0)).isEqualTo("IHDR 13");
        assertThat(chunks.get(chunks.size() - 1)).isEqualTo("IEND 0");
        // 90 000 random bytes do not compress: two full chunks and a shorter last one.
        assertThat(chunks.subList(1, chunks.size() - 1)).hasSize(3)
                .startsWith("IDAT " + PngEncoder.IDAT_CHUNK, "IDAT " + PngEncoder.IDAT_CHUNK);
        assertDecodesToTheSamePixels(image);
    }

    @Test
    void tinyAndOddSizedImages() throws IOException {
        assertDecodesToTheSamePixels(noise(1, 1, 1));
        assertDecodesToTheSamePixels(noise(3, 2, 2));
        assertDecodesToTheSamePixels(new BufferedImage(17, 5, BufferedImage.TYPE_INT_RGB));
    }

    @Test
    void aSubimageIsReadThroughItsRasterOffsetAndStride() throws IOException {
        BufferedImage whole = noise(40, 30, 3);
        BufferedImage part = whole.getSubimage(5, 7, 20, 10);
        BufferedImage copy = new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        copy.getGraphics().drawImage(part, 0, 0, null);

        assertDecodesToTheSamePixels(part);
        assertThat(ourPng(part)).isEqualTo(ourPng(copy));
    }

    @Test
    void otherImageTypesAreRefused() {
        BufferedImage argb = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        assertThatThrownBy(() -> ourPng(argb)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TYPE_INT_RGB");
    }
}
