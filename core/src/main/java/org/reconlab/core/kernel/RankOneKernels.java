package org.reconlab.core.kernel;

import java.util.Arrays;

/**
 * Kernels for rank-one projections {@code A_i = c a_i a_i^T} on a factored signal {@code X = U U^T}: the vectors
 * {@code a_i} are the rows of an {@code m x d} row-major array, {@code U} is {@code d x k} row-major. Nothing of size
 * {@code d x d} is formed; both kernels cost {@code O(m d k)}:
 *
 * <ul>
 *   <li>{@link #project}: {@code out_i = c ||U^T a_i||^2 = <A_i, U U^T>};</li>
 *   <li>{@link #residualGradient}: with {@code r_i = c ||U^T a_i||^2 - y_i}, {@code out = A*(r) U =
 *   c sum_i r_i a_i (U^T a_i)^T} (d x k) and {@code ||r||^2}, in one pass: each {@code a_i} is read once, its
 *   projection {@code p_i = U^T a_i} and residual computed, and {@code c r_i a_i p_i^T} added while {@code a_i} is in
 *   cache. The gradient of {@code 1/4 ||A(U U^T) - y||^2} is {@code A*(r) U}, of {@code 1/2 ||...||^2} twice that.</li>
 * </ul>
 *
 * <p>Measurements are processed {@value #BLOCK} at a time, so each row of {@code U} and of the accumulator is loaded
 * once for {@value #BLOCK} of them. Multi-threading follows {@link KernelThreads}: results are bit-identical for every
 * thread count.
 */
public final class RankOneKernels {

    /** Measurements processed together in one sweep over {@code U} and the accumulator. */
    public static final int BLOCK = 4;

    private RankOneKernels() {
    }

    /** {@link #project(double[], int, int, double, double[], int, double[], int)} on the default threads. */
    public static void project(double[] a, int m, int d, double c, double[] u, int k, double[] out) {
        project(a, m, d, c, u, k, out, KernelThreads.defaultThreads());
    }

    /**
     * {@code out_i = c ||U^T a_i||^2}.
     *
     * @param a the vectors {@code a_i}, {@code m d} entries row-major
     * @param c the scale of every {@code A_i = c a_i a_i^T}
     * @param u the factor, {@code d k} entries row-major
     * @param out length {@code m}, overwritten
     */
    public static void project(double[] a, int m, int d, double c, double[] u, int k, double[] out, int threads) {
        check(a, m, d, u, k);
        DenseOperatorKernels.checkLength("out", out, m);
        DenseOperatorKernels.checkDistinct(a, "a", out, "out");
        DenseOperatorKernels.checkDistinct(u, "u", out, "out");
        int chunks = KernelThreads.chunks(m);
        KernelThreads.forEachChunk(chunks, KernelThreads.effectiveThreads((long) m * d * k, threads), chunk -> {
            double[] p = new double[BLOCK * k];
            int to = KernelThreads.chunkStart(chunk + 1, chunks, m);
            int i = KernelThreads.chunkStart(chunk, chunks, m);
            for (; i + BLOCK <= to; i += BLOCK) {
                project4(a, i * d, d, u, k, p);
                for (int t = 0; t < BLOCK; t++) {
                    out[i + t] = c * squaredNorm(p, t * k, k);
                }
            }
            for (; i < to; i++) {
                project1(a, i * d, d, u, k, p);
                out[i] = c * squaredNorm(p, 0, k);
            }
        });
    }

    /** {@link #residualGradient(double[], int, int, double, double[], int, double[], double[], int)} on the default threads. */
    public static double residualGradient(double[] a, int m, int d, double c, double[] u, int k, double[] y,
            double[] out) {
        return residualGradient(a, m, d, c, u, k, y, out, KernelThreads.defaultThreads());
    }

    /**
     * With {@code r_i = c ||U^T a_i||^2 - y_i}: {@code out = c sum_i r_i a_i (U^T a_i)^T} ({@code d x k} row-major,
     * overwritten); returns {@code ||r||^2}.
     *
     * @param y length {@code m}
     * @param out length {@code d k}; must be none of the inputs
     */
    public static double residualGradient(double[] a, int m, int d, double c, double[] u, int k, double[] y,
            double[] out, int threads) {
        check(a, m, d, u, k);
        DenseOperatorKernels.checkLength("y", y, m);
        DenseOperatorKernels.checkLength("out", out, d * k);
        DenseOperatorKernels.checkDistinct(a, "a", out, "out");
        DenseOperatorKernels.checkDistinct(u, "u", out, "out");
        DenseOperatorKernels.checkDistinct(y, "y", out, "out");
        int chunks = KernelThreads.chunks(m);
        double[][] partials = new double[chunks][];
        partials[0] = out;
        double[] squares = new double[chunks];
        KernelThreads.forEachChunk(chunks, KernelThreads.effectiveThreads((long) m * d * k, threads), chunk -> {
            double[] sum;
            if (chunk == 0) {
                sum = out;
                Arrays.fill(sum, 0.0);
            } else {
                sum = new double[d * k];
                partials[chunk] = sum;
            }
            double[] p = new double[BLOCK * k];
            double[] w = new double[BLOCK * k];
            double squared = 0;
            int to = KernelThreads.chunkStart(chunk + 1, chunks, m);
            int i = KernelThreads.chunkStart(chunk, chunks, m);
            for (; i + BLOCK <= to; i += BLOCK) {
                project4(a, i * d, d, u, k, p);
                for (int t = 0; t < BLOCK; t++) {
                    double r = c * squaredNorm(p, t * k, k) - y[i + t];
                    squared += r * r;
                    for (int l = 0; l < k; l++) {
                        w[t * k + l] = c * r * p[t * k + l];
                    }
                }
                accumulate4(a, i * d, d, w, k, sum);
            }
            for (; i < to; i++) {
                project1(a, i * d, d, u, k, p);
                double r = c * squaredNorm(p, 0, k) - y[i];
                squared += r * r;
                for (int l = 0; l < k; l++) {
                    w[l] = c * r * p[l];
                }
                accumulate1(a, i * d, d, w, k, sum);
            }
            squares[chunk] = squared;
        });
        for (int chunk = 1; chunk < chunks; chunk++) {
            double[] partial = partials[chunk];
            for (int q = 0; q < out.length; q++) {
                out[q] += partial[q];
            }
        }
        double squared = 0;
        for (double s : squares) {
            squared += s;
        }
        return squared;
    }

    /** {@code p[t k + l] = sum_j a_{i+t}[j] U[j, l]} for the four vectors at {@code offset}, summed over j in order. */
    private static void project4(double[] a, int offset, int d, double[] u, int k, double[] p) {
        Arrays.fill(p, 0, BLOCK * k, 0.0);
        int o1 = offset + d;
        int o2 = o1 + d;
        int o3 = o2 + d;
        for (int j = 0; j < d; j++) {
            double a0 = a[offset + j];
            double a1 = a[o1 + j];
            double a2 = a[o2 + j];
            double a3 = a[o3 + j];
            int row = j * k;
            for (int l = 0; l < k; l++) {
                double ujl = u[row + l];
                p[l] += a0 * ujl;
                p[k + l] += a1 * ujl;
                p[2 * k + l] += a2 * ujl;
                p[3 * k + l] += a3 * ujl;
            }
        }
    }

    /** {@code p[l] = sum_j a_i[j] U[j, l]}, summed over j in order, as {@link #project4} sums. */
    private static void project1(double[] a, int offset, int d, double[] u, int k, double[] p) {
        Arrays.fill(p, 0, k, 0.0);
        for (int j = 0; j < d; j++) {
            double aj = a[offset + j];
            int row = j * k;
            for (int l = 0; l < k; l++) {
                p[l] += aj * u[row + l];
            }
        }
    }

    /** {@code sum[j, l] += a_i[j] w_0[l] + ... + a_{i+3}[j] w_3[l]}, the four terms added left to right. */
    private static void accumulate4(double[] a, int offset, int d, double[] w, int k, double[] sum) {
        int o1 = offset + d;
        int o2 = o1 + d;
        int o3 = o2 + d;
        for (int j = 0; j < d; j++) {
            double a0 = a[offset + j];
            double a1 = a[o1 + j];
            double a2 = a[o2 + j];
            double a3 = a[o3 + j];
            int row = j * k;
            for (int l = 0; l < k; l++) {
                sum[row + l] += a0 * w[l] + a1 * w[k + l] + a2 * w[2 * k + l] + a3 * w[3 * k + l];
            }
        }
    }

    private static void accumulate1(double[] a, int offset, int d, double[] w, int k, double[] sum) {
        for (int j = 0; j < d; j++) {
            double aj = a[offset + j];
            int row = j * k;
            for (int l = 0; l < k; l++) {
                sum[row + l] += aj * w[l];
            }
        }
    }

    private static double squaredNorm(double[] p, int offset, int k) {
        double s = 0;
        for (int l = 0; l < k; l++) {
            s += p[offset + l] * p[offset + l];
        }
        return s;
    }

    private static void check(double[] a, int m, int d, double[] u, int k) {
        DenseOperatorKernels.checkOperator(a, m, d);
        if (u == null) {
            throw new NullPointerException("u is null");
        }
        if (k < 0 || (long) d * k != u.length) {
            throw new IllegalArgumentException("a " + d + " x " + k + " factor needs " + (long) d * k + " entries, got "
                    + u.length);
        }
    }
}
