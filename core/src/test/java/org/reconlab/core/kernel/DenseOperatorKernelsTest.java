package org.reconlab.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DenseOperatorKernelsTest {

    /** Relative tolerance against the naive reference, which sums in another order. */
    private static final double ROUNDING = 1e-12;

    private static double[] gaussian(int length, SplittableRandom random) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static double[] naiveMult(double[] a, int m, int n, double[] x) {
        double[] out = new double[m];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < n; p++) {
                out[i] += a[i * n + p] * x[p];
            }
        }
        return out;
    }

    private static double[] naiveMultTransA(double[] a, int m, int n, double[] y) {
        double[] out = new double[n];
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < n; p++) {
                out[p] += a[i * n + p] * y[i];
            }
        }
        return out;
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        double scale = 1;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("entry %d", i).isCloseTo(expected[i], within(ROUNDING * scale));
        }
    }

    @ParameterizedTest(name = "m = {0}, n = {1}")
    @CsvSource({"0, 5", "1, 1", "7, 3", "8, 8", "9, 0", "63, 17", "130, 31", "1001, 67"})
    void agreeWithTheNaiveLoopsOnEverySizeAndTail(int m, int n) {
        SplittableRandom random = new SplittableRandom(m * 1000L + n);
        double[] a = gaussian(m * n, random);
        double[] x = gaussian(n, random);
        double[] y = gaussian(m, random);

        double[] ax = new double[m];
        DenseOperatorKernels.mult(a, m, n, x, ax, 2);
        assertClose(ax, naiveMult(a, m, n, x));

        double[] aty = new double[n];
        DenseOperatorKernels.multTransA(a, m, n, y, aty, 2);
        assertClose(aty, naiveMultTransA(a, m, n, y));

        double[] residual = naiveMult(a, m, n, x);
        double squared = 0;
        for (int i = 0; i < m; i++) {
            residual[i] -= y[i];
            squared += residual[i] * residual[i];
        }
        double[] gradient = new double[n];
        double fused = DenseOperatorKernels.residualMultTransA(a, m, n, x, y, gradient, 2);
        assertThat(fused).isCloseTo(squared, within(ROUNDING * (1 + squared)));
        assertClose(gradient, naiveMultTransA(a, m, n, residual));
    }

    @Test
    void smallIntegerCaseIsExact() {
        // A = [[1, 2], [3, 4], [5, 6]], x = (1, -1), y = (0, 0, 1): A x = (-1, -1, -1), r = (-1, -1, -2).
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] ax = new double[3];
        DenseOperatorKernels.mult(a, 3, 2, new double[] {1, -1}, ax);
        assertThat(ax).containsExactly(-1, -1, -1);
        double[] aty = new double[2];
        DenseOperatorKernels.multTransA(a, 3, 2, new double[] {1, 0, 2}, aty);
        assertThat(aty).containsExactly(11, 14);
        double[] gradient = new double[2];
        double squared = DenseOperatorKernels.residualMultTransA(a, 3, 2, new double[] {1, -1}, new double[] {0, 0, 1},
                gradient);
        assertThat(squared).isEqualTo(6.0);
        // A^T r = (-1 - 3 - 10, -2 - 4 - 12)
        assertThat(gradient).containsExactly(-14, -18);
    }

    @Test
    void residualsOfTheFusedKernelAreTheDotsOfMultToTheLastBit() {
        // With y = A x computed by mult, every residual of the fused kernel is exactly zero only if both sum each
        // dot product in the same order.
        SplittableRandom random = new SplittableRandom(3);
        int m = 203;
        int n = 1777;
        double[] a = gaussian(m * n, random);
        double[] x = gaussian(n, random);
        double[] y = new double[m];
        DenseOperatorKernels.mult(a, m, n, x, y, 3);
        double[] gradient = new double[n];
        double squared = DenseOperatorKernels.residualMultTransA(a, m, n, x, y, gradient, 2);
        assertThat(squared).isZero();
        assertThat(gradient).containsOnly(0.0);
    }

    @Test
    void resultsAreBitIdenticalForEveryThreadCount() {
        SplittableRandom random = new SplittableRandom(4);
        int m = 1003;
        int n = 611;
        assertThat((long) m * n).isGreaterThan(KernelThreads.PARALLEL_THRESHOLD);
        assertThat(KernelThreads.chunks(m)).isGreaterThan(8);
        double[] a = gaussian(m * n, random);
        double[] x = gaussian(n, random);
        double[] y = gaussian(m, random);
        double[] ax1 = new double[m];
        double[] aty1 = new double[n];
        double[] gradient1 = new double[n];
        DenseOperatorKernels.mult(a, m, n, x, ax1, 1);
        DenseOperatorKernels.multTransA(a, m, n, y, aty1, 1);
        double squared1 = DenseOperatorKernels.residualMultTransA(a, m, n, x, y, gradient1, 1);
        for (int threads : new int[] {2, 3, 4, 7, 16, 64}) {
            double[] ax = new double[m];
            double[] aty = new double[n];
            double[] gradient = new double[n];
            DenseOperatorKernels.mult(a, m, n, x, ax, threads);
            DenseOperatorKernels.multTransA(a, m, n, y, aty, threads);
            double squared = DenseOperatorKernels.residualMultTransA(a, m, n, x, y, gradient, threads);
            assertThat(ax).as("A x on %d threads", threads).containsExactly(ax1);
            assertThat(aty).as("A^T y on %d threads", threads).containsExactly(aty1);
            assertThat(gradient).as("A^T (A x - y) on %d threads", threads).containsExactly(gradient1);
            assertThat(squared).as("||A x - y||^2 on %d threads", threads).isEqualTo(squared1);
        }
    }

    @Test
    void outputIsOverwrittenNotAccumulated() {
        double[] a = {1, 2, 3, 4};
        double[] out = {100, 100};
        DenseOperatorKernels.multTransA(a, 2, 2, new double[] {1, 1}, out);
        assertThat(out).containsExactly(4, 6);
        DenseOperatorKernels.residualMultTransA(a, 2, 2, new double[] {0, 0}, new double[] {1, 0}, out);
        assertThat(out).containsExactly(-1, -2);
    }

    @Test
    void notANumberInTheSignalGivesNotANumberOut() {
        double[] a = {1, 2, 3, 4};
        double[] gradient = new double[2];
        double squared = DenseOperatorKernels.residualMultTransA(a, 2, 2, new double[] {Double.NaN, 0},
                new double[] {0, 0}, gradient);
        assertThat(squared).isNaN();
        assertThat(gradient[0]).isNaN();
        assertThat(gradient[1]).isNaN();
    }

    @Test
    void rejectsWrongSizesAndAliasedArraysNamingThem() {
        double[] a = new double[6];
        assertThatThrownBy(() -> DenseOperatorKernels.mult(a, 4, 2, new double[2], new double[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 x 2").hasMessageContaining("6");
        assertThatThrownBy(() -> DenseOperatorKernels.mult(a, 3, 2, new double[3], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x has length 3, expected 2");
        assertThatThrownBy(() -> DenseOperatorKernels.multTransA(a, 3, 2, new double[3], new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out has length 5, expected 2");
        double[] shared = new double[2];
        assertThatThrownBy(() -> DenseOperatorKernels.residualMultTransA(new double[4], 2, 2, shared, new double[2],
                shared)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same array");
        assertThatThrownBy(() -> DenseOperatorKernels.mult(a, 3, 2, new double[2], new double[3], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
    }
}
