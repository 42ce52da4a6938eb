package org.reconlab.core.kernel;

import java.util.Arrays;

/**
 * Kernels for a linear operator stored densely: an {@code m x n} matrix {@code A} held as {@code m} row arrays,
 * row {@code i} (the i-th measurement {@code a_i}) in {@code rows[i]}, each of length {@code n}. The operator is
 * memory-bound: each kernel streams {@code A} once and touches every entry once, so its speed is the memory bandwidth.
 *
 * <ul>
 *   <li>{@link #mult}: {@code out = A x}, that is {@code out_i = <a_i, x>};</li>
 *   <li>{@link #multTransA}: {@code out = A^T y = sum_i y_i a_i};</li>
 *   <li>{@link #residualMultTransA}: {@code out = A^T (A x - y)} and {@code ||A x - y||^2} in <em>one</em> pass:
 *   row {@code a_i} is read from memory once, its residual {@code r_i = <a_i, x> - y_i} computed, and {@code r_i a_i}
 *   added to the output while the row is still in cache. Two separate passes ({@code A x}, then {@code A^T r}) read
 *   {@code A} twice.</li>
 * </ul>
 *
 * <p>Rows are processed {@value #BLOCK} at a time, so each sweep over {@code x} and over the accumulator serves
 * {@value #BLOCK} measurements. Every dot product {@code <a_i, x>} sums in one fixed order (first position to last),
 * the same in every kernel, so {@code mult} and the residuals of {@code residualMultTransA} agree to the last bit.
 * Multi-threading follows {@link KernelThreads}: results are bit-identical for every thread count.
 *
 * <p>Why one array per row rather than one {@code double[m n]}: HotSpot's C2 (JDK 17) vectorizes
 * {@code sum[p] += c0 a0[p] + ... + c7 a7[p]} when each row starts at index 0 of its own array, but not when the rows
 * are slices of one array at offsets it cannot prove aligned; the accumulation then runs twice as fast.
 */
public final class DenseOperatorKernels {

    /** Rows processed together in one sweep over {@code x} and over the accumulator. */
    public static final int BLOCK = 8;

    private DenseOperatorKernels() {
    }

    /** {@code out = A x} on {@link KernelThreads#defaultThreads()} threads. */
    public static void mult(double[][] rows, int n, double[] x, double[] out) {
        mult(rows, n, x, out, KernelThreads.defaultThreads());
    }

    /**
     * {@code out_i = <a_i, x>} for {@code i < m}.
     *
     * @param rows the operator, {@code m} rows of length {@code n}
     * @param x length {@code n}
     * @param out length {@code m}, overwritten; must not be {@code x}
     * @param threads at most this many threads (results do not depend on it)
     */
    public static void mult(double[][] rows, int n, double[] x, double[] out, int threads) {
        int m = checkOperator(rows, n);
        checkLength("x", x, n);
        checkLength("out", out, m);
        checkDistinct(x, "x", out, "out");
        int chunks = KernelThreads.chunks(m);
        KernelThreads.forEachChunk(chunks, KernelThreads.effectiveThreads((long) m * n, threads), c -> {
            double[] dots = new double[BLOCK];
            int to = KernelThreads.chunkStart(c + 1, chunks, m);
            int i = KernelThreads.chunkStart(c, chunks, m);
            for (; i + BLOCK <= to; i += BLOCK) {
                dot8(rows, i, n, x, dots);
                System.arraycopy(dots, 0, out, i, BLOCK);
            }
            for (; i < to; i++) {
                out[i] = dot(rows[i], n, x);
            }
        });
    }

    /** {@code out = A^T y} on {@link KernelThreads#defaultThreads()} threads. */
    public static void multTransA(double[][] rows, int n, double[] y, double[] out) {
        multTransA(rows, n, y, out, KernelThreads.defaultThreads());
    }

    /**
     * {@code out = A^T y = sum_i y_i a_i}.
     *
     * @param y length {@code m}
     * @param out length {@code n}, overwritten; must not be {@code y}
     */
    public static void multTransA(double[][] rows, int n, double[] y, double[] out, int threads) {
        int m = checkOperator(rows, n);
        checkLength("y", y, m);
        checkLength("out", out, n);
        checkDistinct(y, "y", out, "out");
        int chunks = KernelThreads.chunks(m);
        double[][] partials = partials(chunks, out);
        KernelThreads.forEachChunk(chunks, KernelThreads.effectiveThreads((long) m * n, threads), c -> {
            double[] sum = partial(partials, c, n);
            int to = KernelThreads.chunkStart(c + 1, chunks, m);
            int i = KernelThreads.chunkStart(c, chunks, m);
            for (; i + BLOCK <= to; i += BLOCK) {
                addRows8(rows, i, n, y, i, sum);
            }
            for (; i < to; i++) {
                addRow(rows[i], n, y[i], sum);
            }
        });
        combine(partials, n);
    }

    /** {@link #residualMultTransA(double[][], int, double[], double[], double[], int)} on the default threads. */
    public static double residualMultTransA(double[][] rows, int n, double[] x, double[] y, double[] out) {
        return residualMultTransA(rows, n, x, y, out, KernelThreads.defaultThreads());
    }

    /**
     * The gradient of {@code 1/2 ||A x - y||^2} in one pass over {@code A}: {@code out = A^T (A x - y)}; returns
     * {@code ||A x - y||^2}.
     *
     * @param x length {@code n}
     * @param y length {@code m}
     * @param out length {@code n}, overwritten; must be neither {@code x} nor {@code y}
     */
    public static double residualMultTransA(double[][] rows, int n, double[] x, double[] y, double[] out,
            int threads) {
        int m = checkOperator(rows, n);
        checkLength("x", x, n);
        checkLength("y", y, m);
        checkLength("out", out, n);
        checkDistinct(x, "x", out, "out");
        checkDistinct(y, "y", out, "out");
        int chunks = KernelThreads.chunks(m);
        double[][] partials = partials(chunks, out);
        double[] squares = new double[chunks];
        KernelThreads.forEachChunk(chunks, KernelThreads.effectiveThreads((long) m * n, threads), c -> {
            double[] sum = partial(partials, c, n);
            double[] residuals = new double[BLOCK];
            double squared = 0;
            int to = KernelThreads.chunkStart(c + 1, chunks, m);
            int i = KernelThreads.chunkStart(c, chunks, m);
            for (; i + BLOCK <= to; i += BLOCK) {
                dot8(rows, i, n, x, residuals);
                for (int k = 0; k < BLOCK; k++) {
                    double r = residuals[k] - y[i + k];
                    residuals[k] = r;
                    squared += r * r;
                }
                addRows8(rows, i, n, residuals, 0, sum);
            }
            for (; i < to; i++) {
                double r = dot(rows[i], n, x) - y[i];
                squared += r * r;
                addRow(rows[i], n, r, sum);
            }
            squares[c] = squared;
        });
        combine(partials, n);
        double squared = 0;
        for (double s : squares) {
            squared += s;
        }
        return squared;
    }

    /** {@code <a, x>} over the first {@code n} entries, summed from the first position to the last. */
    static double dot(double[] a, int n, double[] x) {
        double s = 0;
        for (int p = 0; p < n; p++) {
            s += a[p] * x[p];
        }
        return s;
    }

    /**
     * The dot products of rows {@code i .. i+7} with {@code x}, each summed exactly as {@link #dot} does, into
     * {@code out[0..7]}. One accumulator per row: eight independent chains keep the adders busy, and each {@code x[p]}
     * is loaded once for eight rows.
     */
    private static void dot8(double[][] rows, int i, int n, double[] x, double[] out) {
        double[] a0 = rows[i];
        double[] a1 = rows[i + 1];
        double[] a2 = rows[i + 2];
        double[] a3 = rows[i + 3];
        double[] a4 = rows[i + 4];
        double[] a5 = rows[i + 5];
        double[] a6 = rows[i + 6];
        double[] a7 = rows[i + 7];
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        for (int p = 0; p < n; p++) {
            double xp = x[p];
            s0 += a0[p] * xp;
            s1 += a1[p] * xp;
            s2 += a2[p] * xp;
            s3 += a3[p] * xp;
            s4 += a4[p] * xp;
            s5 += a5[p] * xp;
            s6 += a6[p] * xp;
            s7 += a7[p] * xp;
        }
        out[0] = s0;
        out[1] = s1;
        out[2] = s2;
        out[3] = s3;
        out[4] = s4;
        out[5] = s5;
        out[6] = s6;
        out[7] = s7;
    }

    /**
     * {@code sum += c[at] a_i + ... + c[at+7] a_{i+7}} for rows {@code i .. i+7}, the eight terms added left to right
     * and then to {@code sum}.
     */
    private static void addRows8(double[][] rows, int i, int n, double[] c, int at, double[] sum) {
        double[] a0 = rows[i];
        double[] a1 = rows[i + 1];
        double[] a2 = rows[i + 2];
        double[] a3 = rows[i + 3];
        double[] a4 = rows[i + 4];
        double[] a5 = rows[i + 5];
        double[] a6 = rows[i + 6];
        double[] a7 = rows[i + 7];
        double c0 = c[at];
        double c1 = c[at + 1];
        double c2 = c[at + 2];
        double c3 = c[at + 3];
        double c4 = c[at + 4];
        double c5 = c[at + 5];
        double c6 = c[at + 6];
        double c7 = c[at + 7];
        for (int p = 0; p < n; p++) {
            sum[p] += c0 * a0[p] + c1 * a1[p] + c2 * a2[p] + c3 * a3[p]
                    + c4 * a4[p] + c5 * a5[p] + c6 * a6[p] + c7 * a7[p];
        }
    }

    private static void addRow(double[] a, int n, double c, double[] sum) {
        for (int p = 0; p < n; p++) {
            sum[p] += c * a[p];
        }
    }

    /** One accumulator per chunk; chunk 0 accumulates into {@code out} itself, the others get fresh arrays. */
    private static double[][] partials(int chunks, double[] out) {
        double[][] partials = new double[chunks][];
        partials[0] = out;
        return partials;
    }

    private static double[] partial(double[][] partials, int chunk, int n) {
        if (chunk == 0) {
            Arrays.fill(partials[0], 0.0);
        } else {
            partials[chunk] = new double[n];
        }
        return partials[chunk];
    }

    /** {@code partials[0] += partials[1]; partials[0] += partials[2]; ...}: the fixed reduction order. */
    private static void combine(double[][] partials, int n) {
        double[] out = partials[0];
        for (int c = 1; c < partials.length; c++) {
            double[] partial = partials[c];
            for (int p = 0; p < n; p++) {
                out[p] += partial[p];
            }
        }
    }

    /** Checks that every row has length {@code n}; returns {@code m}. */
    static int checkOperator(double[][] rows, int n) {
        if (rows == null) {
            throw new NullPointerException("rows is null");
        }
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != n) {
                throw new IllegalArgumentException("row " + i + " has " + (rows[i] == null ? "no" : rows[i].length)
                        + " entries, the operator has " + n + " columns");
            }
        }
        return rows.length;
    }

    static void checkLength(String name, double[] v, int length) {
        if (v == null) {
            throw new NullPointerException(name + " is null");
        }
        if (v.length != length) {
            throw new IllegalArgumentException(name + " has length " + v.length + ", expected " + length);
        }
    }

    static void checkDistinct(double[] input, String inputName, double[] output, String outputName) {
        if (input == output) {
            throw new IllegalArgumentException(outputName + " must not be the same array as " + inputName);
        }
    }
}
