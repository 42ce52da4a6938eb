package org.reconlab.core.kernel;

import java.util.Arrays;

/**
 * Kernels for a linear operator stored densely: an {@code m x n} matrix {@code A}, row-major in one {@code double[]},
 * row {@code i} (the i-th measurement {@code a_i}) at offset {@code i n}. The operator is memory-bound: each kernel
 * streams {@code A} from memory once, so its speed is the memory bandwidth.
 *
 * <ul>
 *   <li>{@link #mult}: {@code out = A x}, that is {@code out_i = <a_i, x>};</li>
 *   <li>{@link #multTransA}: {@code out = A^T y = sum_i y_i a_i};</li>
 *   <li>{@link #residualMultTransA}: {@code out = A^T (A x - y)} and {@code ||A x - y||^2} in <em>one</em> pass
 *   over memory: the dot products of {@value #BLOCK} rows are computed, turned into residuals
 *   {@code r_i = <a_i, x> - y_i}, and {@code sum r_i a_i} added to the output while those rows are still in cache.
 *   Two separate passes ({@code A x}, then {@code A^T r}) read {@code A} from memory twice.</li>
 * </ul>
 *
 * <p>Rows are processed {@value #BLOCK} at a time, so each sweep over {@code x} and over the accumulator serves
 * {@value #BLOCK} measurements. The passes over rows are those of {@link RowPasses}, which fixes the order of every
 * sum: {@code mult} and the residuals of {@code residualMultTransA} agree to the last bit, and the results are the
 * same with and without the Vector API. Multi-threading follows {@link KernelThreads}: results are bit-identical for
 * every thread count.
 */
public final class DenseOperatorKernels {

    /** Rows processed together in one sweep over {@code x} and over the accumulator. */
    public static final int BLOCK = RowPasses.BLOCK;

    /** The module of the Vector API, which the JVM loads only when started with {@code --add-modules} naming it. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    private DenseOperatorKernels() {
    }

    /** Whether this JVM has the {@link #VECTOR_MODULE}, so that the kernels can run on vectors. */
    public static boolean vectorModuleLoaded() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /**
     * What the kernels run on in this JVM for operators of {@link RowPasses#VECTOR_MIN_ENTRIES} entries or more, for
     * logs and benchmark reports: {@code vector-256}, {@code scalar}, ...
     */
    public static String implementation() {
        return RowPasses.fastest().name();
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
        mult(a, m, n, x, out, threads, RowPasses.forEntries((long) m * n));
    }

    static void mult(double[] a, int m, int n, double[] x, double[] out, int threads, RowPasses passes) {
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
                passes.dot8(a, i * n, n, x, dots);
                System.arraycopy(dots, 0, out, i, BLOCK);
            }
            for (; i < to; i++) {
                out[i] = passes.dot(a, i * n, n, x);
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
        multTransA(a, m, n, y, out, threads, RowPasses.forEntries((long) m * n));
    }

    static void multTransA(double[] a, int m, int n, double[] y, double[] out, int threads, RowPasses passes) {
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
                passes.addRows8(a, i * n, n, y, i, sum);
            }
            for (; i < to; i++) {
                passes.addRow(a, i * n, n, y[i], sum);
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
        return residualMultTransA(a, m, n, x, y, out, threads, RowPasses.forEntries((long) m * n));
    }

    static double residualMultTransA(double[] a, int m, int n, double[] x, double[] y, double[] out, int threads,
            RowPasses passes) {
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
            for (; i + BLOCK <= to; i += BLOCK) {
                passes.dot8(a, i * n, n, x, residuals);
                for (int k = 0; k < BLOCK; k++) {
                    double r = residuals[k] - y[i + k];
                    residuals[k] = r;
                    squared += r * r;
                }
                passes.addRows8(a, i * n, n, residuals, 0, sum);
            }
            for (; i < to; i++) {
                double r = passes.dot(a, i * n, n, x) - y[i];
                squared += r * r;
                passes.addRow(a, i * n, n, r, sum);
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
    static void combine(double[][] partials, int n) {
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
