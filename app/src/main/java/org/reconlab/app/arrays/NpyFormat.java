package org.reconlab.app.arrays;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reconlab.app.spec.InputFiles;

/**
 * Reads and writes NumPy's {@code .npy} format (numpy.lib.format): the magic {@code \x93NUMPY}, a version, the
 * length of a header, the header (a Python dict literal with {@code descr}, {@code fortran_order} and {@code shape},
 * padded with spaces and a newline so the data starts at a multiple of 64 bytes), then the raw entries.
 *
 * <p>Written here rather than taken from a library: no maintained Java artifact for it exists on Maven Central (the
 * one there, org.jetbrains.bio:npy, is Kotlin and last released in 2020), and the format is this small. Files are
 * written as version 1.0, {@code '<f8'}, C order. Reading accepts versions 1.0 to 3.0, C or Fortran order, and
 * little- or big-endian {@code f8}, {@code f4}, {@code i8}, {@code i4} (converted to double).
 */
public final class NpyFormat {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGNMENT = 64;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=])([fi])(\\d+)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFormat() {
    }

    /** Writes {@code array} as a version 1.0 {@code '<f8'} C-order {@code .npy} stream. */
    public static void write(NpyArray array, OutputStream out) throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + array.describe() + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String header = dict + " ".repeat(padding) + "\n";
        if (header.length() > 0xFFFF) {
            throw new IOException("npy header of " + header.length() + " bytes does not fit version 1.0");
        }
        out.write(MAGIC);
        out.write(new byte[] {1, 0, (byte) header.length(), (byte) (header.length() >>> 8)});
        out.write(header.getBytes(StandardCharsets.US_ASCII));
        ByteBuffer buffer = ByteBuffer.allocate(8192).order(ByteOrder.LITTLE_ENDIAN);
        long size = array.size();
        for (long k = 0; k < size; k++) {
            if (!buffer.hasRemaining()) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            buffer.putDouble(array.get(k));
        }
        out.write(buffer.array(), 0, buffer.position());
    }

    /**
     * Reads a {@code .npy} file. Only a regular file is read (a FIFO would block), and only after its header has been
     * checked against the file's length, so a header that declares more entries than the file holds allocates nothing.
     */
    public static NpyArray read(Path file) throws IOException {
        long length = InputFiles.requireRegularFile(file, ".npy file");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return read(in, length);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            throw new IOException(message.startsWith(file.toString()) ? message : file + ": " + message, e);
        }
    }

    /** Reads a {@code .npy} stream of unknown length; the message of the exception says what is wrong with it. */
    public static NpyArray read(InputStream stream) throws IOException {
        return read(stream, -1);
    }

    /**
     * Reads a {@code .npy} stream.
     *
     * @param length the stream's length in bytes, or -1 if unknown; when known, the header must account for it exactly
     */
    private static NpyArray read(InputStream stream, long length) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        byte[] magic = new byte[MAGIC.length];
        readFully(in, magic, "the magic string");
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("not a .npy file (no \\x93NUMPY magic string)");
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        long headerLength = switch (major) {
            case 1 -> in.readUnsignedByte() | (long) in.readUnsignedByte() << 8;
            case 2, 3 -> Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
            default -> throw new IOException("unsupported .npy version " + major);
        };
        long dataOffset = MAGIC.length + 2 + (major == 1 ? 2 : 4) + headerLength;
        if (headerLength > 1 << 20 || length >= 0 && dataOffset > length) {
            throw new IOException("implausible .npy header length " + headerLength
                    + (length >= 0 ? " in a file of " + length + " bytes" : ""));
        }
        byte[] headerBytes = new byte[(int) headerLength];
        readFully(in, headerBytes, "the header");
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        Matcher descr = require(DESCR, header, "a supported 'descr' (f8, f4, i8 or i4)");
        ByteOrder order = descr.group(1).equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        boolean real = descr.group(2).equals("f");
        int width;
        try {
            width = Integer.parseInt(descr.group(3));
        } catch (NumberFormatException e) {
            width = -1;
        }
        if (width != 4 && width != 8) {
            throw new IOException("unsupported element type '" + descr.group(2) + descr.group(3) + "' in header "
                    + header.trim());
        }
        boolean fortran = require(ORDER, header, "'fortran_order'").group(1).equals("True");
        int[] shape = parseShape(require(SHAPE, header, "'shape'").group(1), header);
        String described = new NpyArray(shape, k -> 0).describe();

        long size;
        try {
            size = NpyArray.size(shape);
        } catch (ArithmeticException e) {
            throw new IOException("shape " + described + " has more entries than a long counts");
        }
        if (length >= 0 && (size > length || dataOffset + size * width != length)) {
            throw new IOException("header declares shape " + described + " of " + width + "-byte entries, "
                    + (size > length ? "more than the file holds" : (size * width) + " bytes after a header of "
                    + dataOffset + ", but the file has " + length + " bytes"));
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("array of shape " + described + " has " + size + " entries, more than a Java array"
                    + " holds (" + (Integer.MAX_VALUE - 8) + ")");
        }
        long heapNeeded = size * Double.BYTES * (fortran ? 2 : 1);
        if (heapNeeded > Runtime.getRuntime().maxMemory() / 2) {
            throw new IOException("array of shape " + described + " needs " + heapNeeded + " bytes of heap as doubles,"
                    + " more than half the " + Runtime.getRuntime().maxMemory() + "-byte maximum heap; give the JVM"
                    + " more heap (-Xmx)");
        }
        double[] values = new double[(int) size];
        byte[] chunk = new byte[8192 - 8192 % width];
        ByteBuffer data = ByteBuffer.wrap(chunk).order(order);
        int k = 0;
        while (k < values.length) {
            int count = (int) Math.min(chunk.length / width, values.length - (long) k);
            try {
                in.readFully(chunk, 0, count * width);
            } catch (EOFException e) {
                throw new IOException("file ends inside the " + size + " entries of shape " + described
                        + " (after " + k + ")");
            }
            for (int i = 0; i < count; i++, k++) {
                int at = i * width;
                values[k] = real ? (width == 8 ? data.getDouble(at) : data.getFloat(at))
                        : (width == 8 ? data.getLong(at) : data.getInt(at));
            }
        }
        return NpyArray.of(shape, fortran ? toCOrder(values, shape) : values);
    }

    private static int[] parseShape(String text, String header) throws IOException {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int dim;
            try {
                dim = Integer.parseInt(trimmed.endsWith("L") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            } catch (NumberFormatException e) {
                throw new IOException("bad shape (" + text.trim() + ") in header " + header.trim()
                        + "; dimensions are integers from 0 to " + Integer.MAX_VALUE);
            }
            if (dim < 0) {
                throw new IOException("negative dimension " + dim + " in shape (" + text.trim() + ")");
            }
            dims.add(dim);
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Reorders Fortran-order (first index fastest) entries into C order (last index fastest). */
    private static double[] toCOrder(double[] fortran, int[] shape) {
        double[] c = new double[fortran.length];
        int[] index = new int[shape.length];
        for (int k = 0; k < c.length; k++) {
            // index is the multi-index of C-order position k; its Fortran position is sum index[d] * stride_F[d].
            long position = 0;
            long stride = 1;
            for (int d = 0; d < shape.length; d++) {
                position += index[d] * stride;
                stride *= shape[d];
            }
            c[k] = fortran[(int) position];
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return c;
    }

    private static Matcher require(Pattern pattern, String header, String what) throws IOException {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw new IOException("header has no " + what + ": " + header.trim());
        }
        return matcher;
    }

    private static void readFully(DataInputStream in, byte[] into, String what) throws IOException {
        try {
            in.readFully(into);
        } catch (EOFException e) {
            throw new IOException("file ends inside " + what);
        }
    }
}
