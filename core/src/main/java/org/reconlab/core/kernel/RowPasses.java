package org.reconlab.core.kernel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The passes over rows of a row-major operator that {@link DenseOperatorKernels} is made of, each with one fixed
 * summation order, so that every implementation gives the same bits:
 *
 * <ul>
 *   <li>{@link #dot}: {@link #LANES} partial sums {@code s_l = sum a[p] x[p]} over {@code p = l (mod LANES)},
 *   {@code p < n - n mod LANES}, each added in increasing {@code p}; then {@code (s_0 + s_1) + (s_2 + s_3)}; then the
 *   last {@code n mod LANES} products, in increasing {@code p};</li>
 *   <li>{@link #dot8}: {@link #dot} of eight consecutive rows;</li>
 *   <li>{@link #addRows8}: {@code sum[p] + (((c_0 a_0[p] + c_1 a_1[p]) + c_2 a_2[p]) + ... + c_7 a_7[p])} for every
 *   {@code p}, the eight products added left to right;</li>
 *   <li>{@link #addRow}: {@code sum[p] + c a[p]}.</li>
 * </ul>
 *
 * <p>The lane order of {@link #dot} is what a SIMD unit of four doubles computes without reordering, and four
 * independent partial sums keep a scalar core's adders busy too. {@link #fastest()} picks the Vector API
 * implementation when the JVM runs with {@code --add-modules jdk.incubator.vector} (the {@code reconlab} launcher,
 * the build's tests and benchmarks do) on a processor with 256-bit vectors, and the plain Java one otherwise: results
 * are the same to the last bit either way, only the speed differs.
 */
abstract class RowPasses {

    /** The partial sums of a dot product. */
    static final int LANES = 4;

    /** Rows per {@link #dot8} and {@link #addRows8}. */
    static final int BLOCK = 8;

    /** System property that, set to {@code false}, keeps the kernels on plain Java even where vectors are available. */
    static final String VECTOR_PROPERTY = "reconlab.kernel.vector";

    private static final Logger log = LoggerFactory.getLogger(RowPasses.class);

    private static final RowPasses FASTEST = choose();

    /**
     * Operators of fewer entries run on plain Java: until the JIT has compiled it, Vector API code runs far slower than
     * scalar code, and passes over a small operator are over before that pays back (measured: five quick examples,
     * three alternating runs, took 13.4-14.5 s with this threshold and 14.2-15.0 s with vectors for every operator;
     * when the element-wise passes still used a second vector shape, 14.9-15.1 s against 16.9-17.6 s).
     */
    static final long VECTOR_MIN_ENTRIES = 1L << 20;

    /** The implementation the kernels use: vectors where the JVM and the processor have them, plain Java otherwise. */
    static RowPasses fastest() {
        return FASTEST;
    }

    /** {@link #fastest()} for operators of {@link #VECTOR_MIN_ENTRIES} entries or more, plain Java below. */
    static RowPasses forEntries(long entries) {
        return entries >= VECTOR_MIN_ENTRIES ? FASTEST : scalar();
    }

    /** The plain Java implementation. */
    static RowPasses scalar() {
        return ScalarRowPasses.INSTANCE;
    }

    /** A short name for logs and benchmarks, such as {@code vector-256} or {@code scalar}. */
    abstract String name();

    /** {@code <a[offset .. offset + n), x>} in the order of this class's javadoc. */
    abstract double dot(double[] a, int offset, int n, double[] x);

    /** {@link #dot} of the eight rows at {@code offset}, {@code offset + n}, ... into {@code out[0..7]}. */
    abstract void dot8(double[] a, int offset, int n, double[] x, double[] out);

    /** {@code sum += c[at] a_0 + ... + c[at + 7] a_7} for the eight rows at {@code offset}, in this class's order. */
    abstract void addRows8(double[] a, int offset, int n, double[] c, int at, double[] sum);

    /** {@code sum += c a[offset .. offset + n)}. */
    abstract void addRow(double[] a, int offset, int n, double c, double[] sum);

    /** {@code s} plus the products {@code a[offset + p] x[p]} for {@code p} from {@code from} to {@code n - 1}, in order. */
    static double addProducts(double[] a, int offset, int n, double[] x, int from, double s) {
        for (int p = from; p < n; p++) {
            s += a[offset + p] * x[p];
        }
        return s;
    }

    /** {@link #addRows8} on the positions from {@code from} to {@code n - 1}, one at a time. */
    static void addRows8From(double[] a, int offset, int n, double[] c, int at, double[] sum, int from) {
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
        for (int p = from; p < n; p++) {
            sum[p] += c0 * a[offset + p] + c1 * a[o1 + p] + c2 * a[o2 + p] + c3 * a[o3 + p]
                    + c4 * a[o4 + p] + c5 * a[o5 + p] + c6 * a[o6 + p] + c7 * a[o7 + p];
        }
    }

    /** {@link #addRow} on the positions from {@code from} to {@code n - 1}. */
    static void addRowFrom(double[] a, int offset, int n, double c, double[] sum, int from) {
        for (int p = from; p < n; p++) {
            sum[p] += c * a[offset + p];
        }
    }

    private static RowPasses choose() {
        if (!Boolean.parseBoolean(System.getProperty(VECTOR_PROPERTY, "true"))) {
            log.debug("kernels on plain Java: {}=false", VECTOR_PROPERTY);
            return scalar();
        }
        if (!DenseOperatorKernels.vectorModuleLoaded()) {
            log.debug("kernels on plain Java: the JVM runs without --add-modules {}",
                    DenseOperatorKernels.VECTOR_MODULE);
            return scalar();
        }
        RowPasses vector = VectorRowPasses.ifSupported();
        if (vector == null) {
            log.debug("kernels on plain Java: the processor has no 256-bit vectors");
            return scalar();
        }
        log.debug("kernels on {}", vector.name());
        return vector;
    }
}
