package org.reconlab.core.kernel;

/**
 * Kernels for rank-one projections {@code A_i = c a_i a_i^T} on a factored signal {@code X = U U^T}: the vectors
 * {@code a_i} are the rows of an {@code m x d} row-major array, {@code U} is {@code d x k} row-major. Nothing of size
 * {@code d x d} is formed; both kernels cost {@code O(m d k)}:
 *
 * <ul>
 *   <li>{@link #project}: {@code out_i = c ||U^T a_i||^2 = <A_i, U U^T>};</li>
 *   <li>{@link #residualGradient}: with {@code r_i = c ||U^T a_i||^2 - y_i}, {@code out = A*(r) U =
 *   c sum_i r_i a_i (U^T a_i)^T} (d x k) and {@code ||r||^2}, in one pass: each block of {@value #BLOCK} vectors is
 *   read from memory once (the passes over its {@code k} columns then find it in cache, while {@value #BLOCK} d
 *   doubles fit there), its projections {@code p_i = U^T a_i} and residuals computed, and column {@code l} of the
 *   gradient gets {@code sum_i c r_i p_il a_i}. The gradient of
 *   {@code 1/4 ||A(U U^T) - y||^2} is {@code A*(r) U}, of {@code 1/2 ||...||^2} twice that.</li>
 * </ul>
 *
 * <p>Both are made of the passes of {@link RowPasses} over the vectors, one per column of {@code U}: {@code (U^T a_i)_l}
 * is a dot product of {@code a_i} with column {@code l}, and column {@code l} of the gradient a sum of rows. So the
 * summation orders are those {@link RowPasses} documents, {@code ||U^T a_i||^2} adds its {@code k} squares in order,
 * the results are the same with and without the Vector API, and multi-threading follows {@link KernelThreads}: results
 * are bit-identical for every thread count.
 */
public final class RankOneKernels {

    /** Measurements processed together in one sweep over a column of {@code U} and of the accumulator. */
    public static final int BLOCK = RowPasses.BLOCK;

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
        project(a, m, d, c, u, k, out, threads, RowPasses.forEntries((long) m * d));
    }

    static void project(double[] a, int m, int d, double c, double[] u, int k, double[] out, int threads,
            RowPasses passes) {
        check(a, m, d, u, k);
        DenseOperatorKernels.checkLength("out", out, m);
        DenseOperatorKernels.checkDistinct(a, "a", out, "out");
        DenseOperatorKernels.checkDistinct(u, "u", out, "out");
        double[][] columns = columns(u, d, k);
        int chunks = KernelThreads.chunks(m);
        KernelThreads.forEachChunk(chunks, KernelThreads.effectiveThreads((long) m * d * k, threads), chunk -> {
            double[] dots = new double[BLOCK];
            double[] p = new double[BLOCK * k];
            int to = KernelThreads.chunkStart(chunk + 1, chunks, m);
            int i = KernelThreads.chunkStart(chunk, chunks, m);
            for (; i + BLOCK <= to; i += BLOCK) {
                project8(passes, a, i * d, d, columns, dots, p);
                for (int t = 0; t < BLOCK; t++) {
                    out[i + t] = c * squaredNorm(p, t * k, k);
                }
            }
            for (; i < to; i++) {
                project1(passes, a, i * d, d, columns, p);
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
        return residualGradient(a, m, d, c, u, k, y, out, threads, RowPasses.forEntries((long) m * d));
    }

    static double residualGradient(double[] a, int m, int d, double c, double[] u, int k, double[] y, double[] out,
            int threads, RowPasses passes) {
        check(a, m, d, u, k);
        DenseOperatorKernels.checkLength("y", y, m);
        DenseOperatorKernels.checkLength("out", out, d * k);
        DenseOperatorKernels.checkDistinct(a, "a", out, "out");
        DenseOperatorKernels.checkDistinct(u, "u", out, "out");
        DenseOperatorKernels.checkDistinct(y, "y", out, "out");
        double[][] columns = columns(u, d, k);
        int chunks = KernelThreads.chunks(m);
        // per chunk, the gradient's columns: partials[chunk][l] is column l
        double[][][] partials = new double[chunks][][];
        double[] squares = new double[chunks];
        KernelThreads.forEachChunk(chunks, KernelThreads.effectiveThreads((long) m * d * k, threads), chunk -> {
            double[][] sum = new double[k][d];
            partials[chunk] = sum;
            double[] dots = new double[BLOCK];
            double[] p = new double[BLOCK * k];
            double[] scaledResiduals = new double[BLOCK];
            double[] weights = new double[BLOCK];
            double squared = 0;
            int to = KernelThreads.chunkStart(chunk + 1, chunks, m);
            int i = KernelThreads.chunkStart(chunk, chunks, m);
            for (; i + BLOCK <= to; i += BLOCK) {
                project8(passes, a, i * d, d, columns, dots, p);
                for (int t = 0; t < BLOCK; t++) {
                    double r = c * squaredNorm(p, t * k, k) - y[i + t];
                    squared += r * r;
                    scaledResiduals[t] = c * r;
                }
                for (int l = 0; l < k; l++) {
                    for (int t = 0; t < BLOCK; t++) {
                        weights[t] = scaledResiduals[t] * p[t * k + l];
                    }
                    passes.addRows8(a, i * d, d, weights, 0, sum[l]);
                }
            }
            for (; i < to; i++) {
                project1(passes, a, i * d, d, columns, p);
                double r = c * squaredNorm(p, 0, k) - y[i];
                squared += r * r;
                for (int l = 0; l < k; l++) {
                    passes.addRow(a, i * d, d, c * r * p[l], sum[l]);
                }
            }
            squares[chunk] = squared;
        });
        double[][] columnPartials = new double[chunks][];
        for (int l = 0; l < k; l++) {
            for (int chunk = 0; chunk < chunks; chunk++) {
                columnPartials[chunk] = partials[chunk][l];
            }
            DenseOperatorKernels.combine(columnPartials, d);
            double[] column = columnPartials[0];
            for (int j = 0; j < d; j++) {
                out[j * k + l] = column[j];
            }
        }
        double squared = 0;
        for (double s : squares) {
            squared += s;
        }
        return squared;
    }

    /** The columns of the row-major {@code d x k} matrix {@code u}, each as one array. */
    private static double[][] columns(double[] u, int d, int k) {
        double[][] columns = new double[k][d];
        for (int j = 0; j < d; j++) {
            for (int l = 0; l < k; l++) {
                columns[l][j] = u[j * k + l];
            }
        }
        return columns;
    }

    /** {@code p[t k + l] = <a_t, u_l>} for the {@value #BLOCK} vectors {@code a_t} at {@code offset}. */
    private static void project8(RowPasses passes, double[] a, int offset, int d, double[][] columns, double[] dots,
            double[] p) {
        int k = columns.length;
        for (int l = 0; l < k; l++) {
            passes.dot8(a, offset, d, columns[l], dots);
            for (int t = 0; t < BLOCK; t++) {
                p[t * k + l] = dots[t];
            }
        }
    }

    /** {@code p[l] = <a, u_l>} for the vector at {@code offset}, the same bits as {@link #project8}. */
    private static void project1(RowPasses passes, double[] a, int offset, int d, double[][] columns, double[] p) {
        for (int l = 0; l < columns.length; l++) {
            p[l] = passes.dot(a, offset, d, columns[l]);
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
