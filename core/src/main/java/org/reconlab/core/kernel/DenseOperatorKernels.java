package org.reconlab.core.kernel;

import java.util.Arrays;

/**
 * Kernels for a linear operator stored densely: an {@code m x n} matrix {@code A}, row-major in one {@code double[]},
 * row {@code i} (the i-th measurement {@code a_i}) at offset {@code i n}. The operator is memory-bound: each kernel streams {@code A} once and touches every entry once, so its speed is the memory bandwidth.
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
 * Multi-threading follows {@link KernelThreads}: results are bit-identical for every thread count. *
 * <p>The loops are plain scalar Java: C2 does not vectorize reductions over doubles (that would reorder the sum), nor
 * the accumulation over row slices at offsets it cannot prove aligned. Eight rows per sweep give eight independent
 * dependency chains and one load of {@code x[p]} and of {@code sum[p]} per eight entries, which keeps a core at about
 * 2 entries per cycle; two cores then saturate memory.
 */
public final class DenseOperatorKernels {

    /** Rows processed together in one sweep over {@code x} and over the accumulator. */
    public static final int BLOCK = 8;

    private DenseOperatorKernels() {
    }

    /** {@code out = A x} on {@link KernelThreads#defaultThreads()} threads. */
    public static void mult(double[] a, int m, int n, double[] x, double[] out) {
        mult(a, m, n, x, out, KernelThreads.defaultThreads());
    }

    /**
     * {@code out_i = <a_i, x>} for {@code i < m}.
     *
     * @param a the operator, {@code m n} entries row-major
     * @param x length {@code n}
     * @param out length {@code m}, overwritten; must not be {@code x}
     * @param threads at most this many threads (results do not depend on it)
     */
    public static void mult(double[] a, int m, int n, double[] x, double[] out, int threads) {
        checkOperator(a, m, n);
        checkLength("x", x, n);
        checkLength("out", out, m);
        checkDistinct(x, "x", out, "out");
        int chunks = KernelThreads.chunks(m);
        KernelThreads.forEachChunk(chunks, KernelThreads.effectiveThreads((long) m * n, threads), c -> {
            double[] dots = new double[BLOCK];
            int to = KernelThreads.chunkStart(c + 1, chunks, m);
            int i = KernelThreads.chunkStart(c, chunks, m);
            for (; i + BLOCK <= to; i += BLOCK) {
                dot8(a, i * n, n, x, dots);
                System.arraycopy(dots, 0, out, i, BLOCK);
            }
            for (; i < to; i++) {
                out[i] = dot(a, i * n, n, x);
            }
        });
    }

    /** {@code out = A^T y} on {@link KernelThreads#defaultThreads()} threads. */
    public static void multTransA(double[] a, int m, int n, double[] y, double[] out) {
        multTransA(a, m, n, y, out, KernelThreads.defaultThreads());
    }

    /**
     * {@code out = A^T y = sum_i y_i a_i}.
     *
     * @param y length {@code m}
     * @param out length {@code n}, overwritten; must not be {@code y}
     */
    public static void multTransA(double[] a, int m, int n, double[] y, double[] out, int threads) {
        checkOperator(a, m, n);
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
                addRows8(a, i * n, n, y, i, sum);
            }
            for (; i < to; i++) {
                addRow(a, i * n, n, y[i], sum);
            }
        });
        combine(partials, n);
    }

    /** {@link #residualMultTransA(double[], int, int, double[], double[], double[], int)} on the default threads. */
    public static double residualMultTransA(double[] a, int m, int n, double[] x, double[] y, double[] out) {
        return residualMultTransA(a, m, n, x, y, out, KernelThreads.defaultThreads());
    }

    /**
     * The gradient of {@code 1/2 ||A x - y||^2} in one pass over {@code A}: {@code out = A^T (A x - y)}; returns
     * {@code ||A x - y||^2}.
     *
     * @param x length {@code n}
     * @param y length {@code m}
     * @param out length {@code n}, overwritten; must be neither {@code x} nor {@code y}
     */
    public static double residualMultTransA(double[] a, int m, int n, double[] x, double[] y, double[] out,
            int threads) {
        checkOperator(a, m, n);
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
            if (i + BLOCK <= to) {
                // software pipeline: the dot products of block b + 1 and the accumulation of block b share one
                // sweep, so the accumulation's arithmetic overlaps the stream of the next rows from memory; every
                // sum is formed in the same order as block by block
                double[] next = new double[BLOCK];
                dot8(a, i * n, n, x, residuals);
                squared += residuals(residuals, y, i);
                for (i += BLOCK; i + BLOCK <= to; i += BLOCK) {
                    dot8AddRows8(a, i * n, (i - BLOCK) * n, n, x, next, residuals, sum);
                    double[] done = residuals;
                    residuals = next;
                    next = done;
                    squared += residuals(residuals, y, i);
                }
                addRows8(a, (i - BLOCK) * n, n, residuals, 0, sum);
            }
            for (; i < to; i++) {
                double r = dot(a, i * n, n, x) - y[i];
                squared += r * r;
                addRow(a, i * n, n, r, sum);
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

    /** Turns the dot products of rows {@code i .. i+7} into residuals in place; returns their squares, summed in order. */
    private static double residuals(double[] dots, double[] y, int i) {
        double squared = 0;
        for (int k = 0; k < BLOCK; k++) {
            double r = dots[k] - y[i + k];
            dots[k] = r;
            squared += r * r;
        }
        return squared;
    }

    /** {@code <a[offset .. offset + n), x>}, summed from the first position to the last. */
    static double dot(double[] a, int offset, int n, double[] x) {
        double s = 0;
        for (int p = 0; p < n; p++) {
            s += a[offset + p] * x[p];
        }
        return s;
    }

    /**
     * The dot products of the eight rows starting at {@code offset} with {@code x}, each summed exactly as
     * {@link #dot} does, into {@code out[0..7]}. One accumulator per row: eight independent chains keep the adders
     * busy, and each {@code x[p]} is loaded once for eight rows.
     */
    private static void dot8(double[] a, int offset, int n, double[] x, double[] out) {
        int o1 = offset + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        int o4 = o3 + n;
        int o5 = o4 + n;
        int o6 = o5 + n;
        int o7 = o6 + n;
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
            s0 += a[offset + p] * xp;
            s1 += a[o1 + p] * xp;
            s2 += a[o2 + p] * xp;
            s3 += a[o3 + p] * xp;
            s4 += a[o4 + p] * xp;
            s5 += a[o5 + p] * xp;
            s6 += a[o6 + p] * xp;
            s7 += a[o7 + p] * xp;
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
     * {@code sum += c[at] a_i + ... + c[at+7] a_{i+7}} for the eight rows starting at {@code offset}, the eight terms
     * added left to right and then to {@code sum}.
     */
    private static void addRows8(double[] a, int offset, int n, double[] c, int at, double[] sum) {
        int o1 = offset + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        int o4 = o3 + n;
        int o5 = o4 + n;
        int o6 = o5 + n;
        int o7 = o6 + n;
        double c0 = c[at];
        double c1 = c[at + 1];
        double c2 = c[at + 2];
        double c3 = c[at + 3];
        double c4 = c[at + 4];
        double c5 = c[at + 5];
        double c6 = c[at + 6];
        double c7 = c[at + 7];
        for (int p = 0; p < n; p++) {
            sum[p] += c0 * a[offset + p] + c1 * a[o1 + p] + c2 * a[o2 + p] + c3 * a[o3 + p]
                    + c4 * a[o4 + p] + c5 * a[o5 + p] + c6 * a[o6 + p] + c7 * a[o7 + p];
        }
    }

    /**
     * {@link #dot8} of the eight rows at {@code offset} into {@code out} and {@link #addRows8} of the eight rows at
     * {@code previous} with coefficients {@code c}, in one sweep; each result is summed exactly as those do.
     */
    private static void dot8AddRows8(double[] a, int offset, int previous, int n, double[] x, double[] out,
            double[] c, double[] sum) {
        int o1 = offset + n;
        int o2 = o1 + n;
        int o3 = o2 + n;
        int o4 = o3 + n;
        int o5 = o4 + n;
        int o6 = o5 + n;
        int o7 = o6 + n;
        int q1 = previous + n;
        int q2 = q1 + n;
        int q3 = q2 + n;
        int q4 = q3 + n;
        int q5 = q4 + n;
        int q6 = q5 + n;
        int q7 = q6 + n;
        double c0 = c[0];
        double c1 = c[1];
        double c2 = c[2];
        double c3 = c[3];
        double c4 = c[4];
        double c5 = c[5];
        double c6 = c[6];
        double c7 = c[7];
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
            s0 += a[offset + p] * xp;
            s1 += a[o1 + p] * xp;
            s2 += a[o2 + p] * xp;
            s3 += a[o3 + p] * xp;
            s4 += a[o4 + p] * xp;
            s5 += a[o5 + p] * xp;
            s6 += a[o6 + p] * xp;
            s7 += a[o7 + p] * xp;
            sum[p] += c0 * a[previous + p] + c1 * a[q1 + p] + c2 * a[q2 + p] + c3 * a[q3 + p]
                    + c4 * a[q4 + p] + c5 * a[q5 + p] + c6 * a[q6 + p] + c7 * a[q7 + p];
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

    private static void addRow(double[] a, int offset, int n, double c, double[] sum) {
        for (int p = 0; p < n; p++) {
            sum[p] += c * a[offset + p];
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

    static void checkOperator(double[] a, int m, int n) {
        if (a == null) {
            throw new NullPointerException("a is null");
        }
        if (m < 0 || n < 0 || (long) m * n != a.length) {
            throw new IllegalArgumentException("an operator of " + m + " x " + n + " needs " + (long) m * n
                    + " entries, got " + a.length);
        }
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
