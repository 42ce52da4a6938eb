package org.reconlab.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RowPassesTest {

    private static final String NO_VECTORS = "the kernels run on plain Java in this JVM (no 256-bit vectors on this"
            + " processor, or -D" + RowPasses.VECTOR_PROPERTY + "=false): the Vector API path of RowPasses is not tested";

    static Stream<String> implementations() {
        return Stream.of("scalar", "vector");
    }

    /** The implementation named {@code name}; the vector one aborts the test, with a reason, where the JVM has none. */
    private static RowPasses implementation(String name) {
        if (name.equals("scalar")) {
            return RowPasses.scalar();
        }
        assumeVectors();
        return RowPasses.fastest();
    }

    private static void assumeVectors() {
        assumeTrue(RowPasses.fastest() != RowPasses.scalar(), NO_VECTORS);
    }

    private static double[] gaussian(int length, SplittableRandom random) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    /** The order RowPasses documents, written out the slow way. */
    private static double documentedDot(double[] a, int offset, int n, double[] x) {
        double[] lanes = new double[RowPasses.LANES];
        int whole = n - n % RowPasses.LANES;
        for (int p = 0; p < whole; p++) {
            lanes[p % RowPasses.LANES] = lanes[p % RowPasses.LANES] + a[offset + p] * x[p];
        }
        double s = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
        for (int p = whole; p < n; p++) {
            s = s + a[offset + p] * x[p];
        }
        return s;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void dotProductsAreSummedInTheDocumentedOrder(String name) {
        RowPasses passes = implementation(name);
        SplittableRandom random = new SplittableRandom(11);
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 67, 1777}) {
            int offset = 3;
            double[] a = gaussian(offset + 8 * n, random);
            double[] x = gaussian(n, random);
            assertThat(passes.dot(a, offset, n, x)).as("dot, n = %d", n).isEqualTo(documentedDot(a, offset, n, x));
            double[] eight = new double[8];
            passes.dot8(a, offset, n, x, eight);
            for (int k = 0; k < 8; k++) {
                assertThat(eight[k]).as("dot8 row %d, n = %d", k, n).isEqualTo(documentedDot(a, offset + k * n, n, x));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void rowsAreAddedInTheDocumentedOrder(String name) {
        RowPasses passes = implementation(name);
        SplittableRandom random = new SplittableRandom(12);
        for (int n : new int[] {0, 1, 3, 4, 7, 8, 9, 31, 67, 1777}) {
            int offset = 5;
            double[] a = gaussian(offset + 8 * n, random);
            double[] c = gaussian(10, random);
            double[] start = gaussian(n, random);
            double[] expected = start.clone();
            for (int p = 0; p < n; p++) {
                double t = c[2] * a[offset + p];
                for (int k = 1; k < 8; k++) {
                    t = t + c[2 + k] * a[offset + k * n + p];
                }
                expected[p] = expected[p] + t;
            }
            double[] sum = start.clone();
            passes.addRows8(a, offset, n, c, 2, sum);
            assertThat(sum).as("addRows8, n = %d", n).containsExactly(expected);

            double[] single = start.clone();
            passes.addRow(a, offset, n, c[0], single);
            for (int p = 0; p < n; p++) {
                assertThat(single[p]).as("addRow, n = %d, p = %d", n, p).isEqualTo(start[p] + c[0] * a[offset + p]);
            }
        }
    }

    @Test
    void kernelsGiveTheSameBitsWithAndWithoutVectors() {
        assumeVectors();
        SplittableRandom random = new SplittableRandom(13);
        for (int[] size : new int[][] {{1001, 611}, {37, 5050}, {9, 3}, {64, 1}}) {
            int m = size[0];
            int n = size[1];
            double[] a = gaussian(m * n, random);
            double[] x = gaussian(n, random);
            double[] y = gaussian(m, random);
            double[] axScalar = new double[m];
            double[] axFastest = new double[m];
            DenseOperatorKernels.mult(a, m, n, x, axScalar, 2, RowPasses.scalar());
            DenseOperatorKernels.mult(a, m, n, x, axFastest, 2, RowPasses.fastest());
            assertThat(axFastest).as("A x, %d x %d", m, n).containsExactly(axScalar);
            double[] atyScalar = new double[n];
            double[] atyFastest = new double[n];
            DenseOperatorKernels.multTransA(a, m, n, y, atyScalar, 2, RowPasses.scalar());
            DenseOperatorKernels.multTransA(a, m, n, y, atyFastest, 2, RowPasses.fastest());
            assertThat(atyFastest).as("A^T y, %d x %d", m, n).containsExactly(atyScalar);
            double[] gradientScalar = new double[n];
            double[] gradientFastest = new double[n];
            double squaredScalar = DenseOperatorKernels.residualMultTransA(a, m, n, x, y, gradientScalar, 2,
                    RowPasses.scalar());
            double squaredFastest = DenseOperatorKernels.residualMultTransA(a, m, n, x, y, gradientFastest, 2,
                    RowPasses.fastest());
            assertThat(gradientFastest).as("A^T (A x - y), %d x %d", m, n).containsExactly(gradientScalar);
            assertThat(squaredFastest).as("||A x - y||^2, %d x %d", m, n).isEqualTo(squaredScalar);
        }
    }

    @Test
    void rankOneKernelsGiveTheSameBitsWithAndWithoutVectors() {
        assumeVectors();
        SplittableRandom random = new SplittableRandom(17);
        for (int[] size : new int[][] {{1001, 611, 2}, {37, 1000, 5}, {9, 3, 1}, {64, 1, 3}}) {
            int m = size[0];
            int d = size[1];
            int k = size[2];
            double[] a = gaussian(m * d, random);
            double[] u = gaussian(d * k, random);
            double[] y = gaussian(m, random);
            double[] projectedScalar = new double[m];
            double[] projectedFastest = new double[m];
            RankOneKernels.project(a, m, d, 0.3, u, k, projectedScalar, 2, RowPasses.scalar());
            RankOneKernels.project(a, m, d, 0.3, u, k, projectedFastest, 2, RowPasses.fastest());
            assertThat(projectedFastest).as("c ||U^T a_i||^2, %d x %d, k = %d", m, d, k)
                    .containsExactly(projectedScalar);
            double[] gradientScalar = new double[d * k];
            double[] gradientFastest = new double[d * k];
            double squaredScalar = RankOneKernels.residualGradient(a, m, d, 0.3, u, k, y, gradientScalar, 2,
                    RowPasses.scalar());
            double squaredFastest = RankOneKernels.residualGradient(a, m, d, 0.3, u, k, y, gradientFastest, 2,
                    RowPasses.fastest());
            assertThat(gradientFastest).as("A*(r) U, %d x %d, k = %d", m, d, k).containsExactly(gradientScalar);
            assertThat(squaredFastest).as("||r||^2, %d x %d, k = %d", m, d, k).isEqualTo(squaredScalar);
        }
    }

    @Test
    void smallOperatorsRunOnPlainJavaAndLargeOnesOnTheFastest() {
        assertThat(RowPasses.forEntries(RowPasses.VECTOR_MIN_ENTRIES - 1)).isSameAs(RowPasses.scalar());
        assertThat(RowPasses.forEntries(RowPasses.VECTOR_MIN_ENTRIES)).isSameAs(RowPasses.fastest());
    }

    @Test
    void testsRunOnTheVectorImplementationWhereTheProcessorHasIt() {
        // the build runs tests with --add-modules jdk.incubator.vector, so that the comparisons above compare two
        // implementations, not one with itself
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        if (VectorRowPasses.ifSupported() != null) {
            assertThat(RowPasses.fastest().name()).startsWith("vector-");
        } else {
            assertThat(RowPasses.fastest().name()).isEqualTo("scalar");
        }
    }
}
