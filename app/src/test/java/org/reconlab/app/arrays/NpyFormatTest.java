package org.reconlab.app.arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NpyFormatTest {

    /** Written by numpy 2.4 with np.save; see the file names. */
    private static final Path FIXTURES = Path.of("src/test/resources/npy");

    private static byte[] write(NpyArray array) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyFormat.write(array, out);
        return out.toByteArray();
    }

    private static NpyArray roundTrip(NpyArray array) throws IOException {
        return NpyFormat.read(new ByteArrayInputStream(write(array)));
    }

    @Test
    void writesVersionOneHeaderAlignedTo64BytesThenLittleEndianDoubles() throws IOException {
        byte[] bytes = write(NpyArray.of(new int[] {2, 3}, new double[] {0, 1, 2, 3, 4, 5.5}));
        assertThat(Arrays.copyOf(bytes, 8)).isEqualTo(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        int headerLength = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
        assertThat((10 + headerLength) % 64).isZero();
        String header = new String(bytes, 10, headerLength, StandardCharsets.US_ASCII);
        assertThat(header).startsWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }").endsWith(" \n");
        assertThat(bytes).hasSize(10 + headerLength + 6 * 8);
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + headerLength, 48).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(data.getDouble(10 + headerLength + 5 * 8)).isEqualTo(5.5);
    }

    @Test
    void roundTripsEveryDimensionIncludingEmptyAndScalarArraysBitForBit() throws IOException {
        double[] special = {Double.NaN, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, 1e308, 0.1};
        for (int[] shape : new int[][] {{6}, {2, 3}, {1, 2, 3}, {0}, {3, 0}, {}}) {
            double[] values = Arrays.copyOf(special, (int) NpyArray.size(shape));
            NpyArray back = roundTrip(NpyArray.of(shape, values));
            assertThat(back.shape()).isEqualTo(shape);
            for (int k = 0; k < values.length; k++) {
                assertThat(Double.doubleToRawLongBits(back.get(k))).isEqualTo(Double.doubleToRawLongBits(values[k]));
            }
        }
        assertThat(NpyArray.of(new int[] {}, new double[] {4}).describe()).isEqualTo("()");
        assertThat(NpyArray.of(new int[] {3}, new double[3]).describe()).isEqualTo("(3,)");
    }

    @Test
    void readsFilesNumpyWroteInCAndFortranOrderAndOtherDtypes() throws IOException {
        NpyArray c = NpyFormat.read(FIXTURES.resolve("c-order-2x3.npy"));
        assertThat(c.shape()).containsExactly(2, 3);
        assertThat(c.toArray()).containsExactly(0, 1, 2, 3, 4, 5);

        // np.asfortranarray(np.arange(24.).reshape(2, 3, 4)): same logical array, entries stored first index fastest.
        NpyArray fortran = NpyFormat.read(FIXTURES.resolve("fortran-2x3x4.npy"));
        assertThat(fortran.shape()).containsExactly(2, 3, 4);
        for (int k = 0; k < 24; k++) {
            assertThat(fortran.get(k)).isEqualTo(k);
        }

        assertThat(NpyFormat.read(FIXTURES.resolve("big-endian-f4.npy")).toArray()).containsExactly(1.5, -2.25, 3.0);
        assertThat(NpyFormat.read(FIXTURES.resolve("int64-vector.npy")).toArray()).containsExactly(7, -8, 9);
    }

    @Test
    void rejectsWhatItCannotReadWithAMessageSayingWhat() throws IOException {
        assertThatThrownBy(() -> NpyFormat.read(FIXTURES.resolve("complex.npy"))).isInstanceOf(IOException.class)
                .hasMessageContaining("complex.npy").hasMessageContaining("header has no a supported 'descr'")
                .hasMessageContaining("<c16");
        assertThatThrownBy(() -> NpyFormat.read(new ByteArrayInputStream("PK\u0003\u0004 not npy".getBytes(
                StandardCharsets.ISO_8859_1)))).hasMessageContaining("not a .npy file");
        byte[] whole = write(NpyArray.of(new int[] {4}, new double[] {1, 2, 3, 4}));
        assertThatThrownBy(() -> NpyFormat.read(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length - 3))))
                .hasMessageContaining("file ends inside the 4 entries of shape (4,)");
        assertThatThrownBy(() -> NpyFormat.read(FIXTURES.resolve("missing.npy"))).hasMessageContaining("missing.npy");
    }

    /** A version 1.0 file with header dict {@code dict} followed by {@code dataBytes} zero bytes. */
    static byte[] withHeader(String dict, int dataBytes) {
        String header = dict + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1));
        return out.array();
    }

    private static Path file(Path directory, byte[] bytes) throws IOException {
        Path file = directory.resolve("input.npy");
        java.nio.file.Files.write(file, bytes);
        return file;
    }

    @Test
    void checksTheHeaderAgainstTheFileLengthBeforeAllocating(@org.junit.jupiter.api.io.TempDir Path temp)
            throws IOException {
        Path huge = file(temp, withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (300000000,), }", 16));
        assertThatThrownBy(() -> NpyFormat.read(huge)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(huge + ": header declares shape (300000000,) of 8-byte entries, more than the file holds");
        Path square = file(temp, withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (20000, 10000), }", 64));
        assertThatThrownBy(() -> NpyFormat.read(square)).hasMessageContaining("shape (20000, 10000)");
        Path shortData = file(temp, withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", 16));
        assertThatThrownBy(() -> NpyFormat.read(shortData))
                .hasMessageContaining("24 bytes after a header of").hasMessageContaining("but the file has");
        Path negative = file(temp, withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (-2, 3), }", 0));
        assertThatThrownBy(() -> NpyFormat.read(negative)).hasMessageContaining("negative dimension -2 in shape (-2, 3)");
        Path tooWide = file(temp, withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999,), }", 0));
        assertThatThrownBy(() -> NpyFormat.read(tooWide)).hasMessageContaining("bad shape (99999999999,)");
        Path headerTooLong = file(temp, Arrays.copyOf(withHeader("{}", 0), 10));
        byte[] claim = java.nio.file.Files.readAllBytes(headerTooLong);
        claim[8] = (byte) 0xFF;
        claim[9] = (byte) 0xFF;
        Path claimed = file(temp, claim);
        assertThatThrownBy(() -> NpyFormat.read(claimed)).hasMessageContaining("implausible .npy header length 65535");
        Path empty = file(temp, withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 0), }", 0));
        assertThat(NpyFormat.read(empty).size()).isZero();
    }

    @Test
    void readsOnlyRegularFiles(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        assertThatThrownBy(() -> NpyFormat.read(temp)).hasMessage(temp + ": is a directory, not a .npy file");
        assertThatThrownBy(() -> NpyFormat.read(temp.resolve("none.npy")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class).hasMessage(temp.resolve("none.npy") + ": no such .npy file");
        Path fifo = temp.resolve("fifo.npy");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
                "mkfifo is available");
        assertThatThrownBy(() -> NpyFormat.read(fifo)).hasMessage(fifo + ": not a regular file (a FIFO, socket or"
                + " device); a .npy file must be a regular file");
    }
}
