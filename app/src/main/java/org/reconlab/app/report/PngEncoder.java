package org.reconlab.app.report;

import static java.util.Objects.requireNonNull;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes an opaque RGB image as PNG the way the JDK's ImageIO writer does, in a third of its time: plots are most of
 * a quick run's time, and this saves about 35 ms of each 1800 x 1200 plot.
 *
 * <p>For an image of type {@code TYPE_INT_RGB} and default metadata the JDK writer
 * ({@code com.sun.imageio.plugins.png.PNGImageWriter}) writes the signature, {@code IHDR} (8 bits, color type 2, no
 * interlace), the zlib stream of the rows in {@code IDAT} chunks of 32768 bytes (the last one shorter), and
 * {@code IEND}. Every row gets filter type 0, None: its {@code RowFilter} returns 0 for every image that has no palette
 * (the opposite of what its comment says, unchanged since 2000). The rows go to a {@link Deflater} one
 * {@code setInput} for the filter byte and one for the row, drained through a 512-byte buffer, which this class does
 * the same way, so that the zlib calls, hence the bytes, are the same. What it saves is the writer's generic path: a
 * copy of every row through {@code Raster}, each sample through an {@code int} and a lookup table. Its tests decode
 * what it writes with ImageIO's reader and compare the pixels.
 */
final class PngEncoder {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The JDK writer's {@code IDAT} chunk length. */
    static final int IDAT_CHUNK = 32768;

    /** The JDK writer's deflate output buffer. */
    private static final int DEFLATE_BUFFER = 512;

    private PngEncoder() {
    }

    /**
     * Writes {@code image} (of type {@link BufferedImage#TYPE_INT_RGB}) to {@code out} as PNG with zlib level
     * {@code level}; {@code out} is not closed.
     */
    static void write(BufferedImage image, int level, OutputStream out) throws IOException {
        requireNonNull(image, "image is null");
        requireNonNull(out, "out is null");
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            throw new IllegalArgumentException("image type " + image.getType() + ": only TYPE_INT_RGB ("
                    + BufferedImage.TYPE_INT_RGB + ") is written");
        }
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("zlib level " + level + ": must be 0 to 9");
        }
        int width = image.getWidth();
        int height = image.getHeight();
        WritableRaster raster = image.getRaster();
        int[] pixels = ((DataBufferInt) raster.getDataBuffer()).getData();
        SinglePixelPackedSampleModel layout = (SinglePixelPackedSampleModel) raster.getSampleModel();
        // Where pixel (0, y) sits in the array, for a subimage too (its raster is a translated view of its parent's).
        int offset = raster.getDataBuffer().getOffset()
                + layout.getOffset(-raster.getSampleModelTranslateX(), -raster.getSampleModelTranslateY());
        int stride = layout.getScanlineStride();

        out.write(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8; // bits per sample
        header[9] = 2; // color type: RGB
        // compression method, filter method, interlace method: 0
        writeChunk(out, "IHDR", header, header.length);

        Idat idat = new Idat(out, level);
        try {
            byte[] filter = {0};
            byte[] row = new byte[3 * width];
            for (int y = 0; y < height; y++) {
                int start = offset + y * stride;
                for (int x = 0, i = 0; x < width; x++) {
                    int rgb = pixels[start + x];
                    row[i++] = (byte) (rgb >>> 16);
                    row[i++] = (byte) (rgb >>> 8);
                    row[i++] = (byte) rgb;
                }
                idat.write(filter);
                idat.write(row);
            }
            idat.finish();
        } finally {
            idat.end();
        }
        writeChunk(out, "IEND", new byte[0], 0);
    }

    private static void putInt(byte[] target, int at, int value) {
        target[at] = (byte) (value >>> 24);
        target[at + 1] = (byte) (value >>> 16);
        target[at + 2] = (byte) (value >>> 8);
        target[at + 3] = (byte) value;
    }

    /** Length, type, the first {@code length} bytes of {@code data}, CRC-32 of type and data. */
    private static void writeChunk(OutputStream out, String type, byte[] data, int length) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        byte[] number = new byte[4];
        putInt(number, 0, length);
        out.write(number);
        out.write(typeBytes);
        out.write(data, 0, length);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data, 0, length);
        putInt(number, 0, (int) crc.getValue());
        out.write(number);
    }

    /** The zlib stream cut into {@code IDAT} chunks of {@link #IDAT_CHUNK} bytes, as the JDK writer cuts it. */
    private static final class Idat {

        private final OutputStream out;
        private final Deflater deflater;
        private final byte[] buffer = new byte[DEFLATE_BUFFER];
        private final byte[] chunk = new byte[IDAT_CHUNK];
        private int filled;

        Idat(OutputStream out, int level) {
            this.out = out;
            this.deflater = new Deflater(level);
        }

        void write(byte[] data) throws IOException {
            deflater.setInput(data, 0, data.length);
            while (!deflater.needsInput()) {
                drain();
            }
        }

        void finish() throws IOException {
            deflater.finish();
            while (!deflater.finished()) {
                drain();
            }
            writeChunk(out, "IDAT", chunk, filled);
        }

        void end() {
            deflater.end();
        }

        /** One deflate call; a full chunk is written only when more bytes follow it, as the JDK writer does. */
        private void drain() throws IOException {
            int length = deflater.deflate(buffer, 0, buffer.length);
            int from = 0;
            while (length > 0) {
                if (filled == IDAT_CHUNK) {
                    writeChunk(out, "IDAT", chunk, filled);
                    filled = 0;
                }
                int n = Math.min(length, IDAT_CHUNK - filled);
                System.arraycopy(buffer, from, chunk, filled, n);
                filled += n;
                from += n;
                length -= n;
            }
        }
    }
}
