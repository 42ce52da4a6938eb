package org.reconlab.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RankOneKernelsTest {

    private static double[] gaussian(int length, SplittableRandom random) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    /** {@code <c a_i a_i^T, U U^T>} with the d x d matrices formed explicitly. */
    private static double denseObservation(double[] a, int i, int d, double c, double[] u, int k) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            for (int q = 0; q < d; q++) {
                double x = 0;
                for (int l = 0; l < k; l++) {
                    x += u[j * k + l] * u[q * k + l];
                }
                s += c * a[i * d + j] * a[i * d + q] * x;
            }
        }
        return s;
    }

    @Test
    void agreeWithTheDenseMatricesAndTheDenseAdjoint() {
        SplittableRandom random = new SplittableRandom(1);
        int m = 37;
        int d = 6;
        int k = 3;
        double c = 0.7;
        double[] a = gaussian(m * d, random);
        double[] u = gaussian(d * k, random);
        double[] y = gaussian(m, random);
        double[] projected = new double[m];
        RankOneKernels.project(a, m, d, c, u, k, projected, 2);
        double[] residual = new double[m];
        double squared = 0;
        for (int i = 0; i < m; i++) {
            double dense = denseObservation(a, i, d, c, u, k);
            assertThat(projected[i]).isCloseTo(dense, within(1e-12 * (1 + Math.abs(dense))));
            residual[i] = dense - y[i];
            squared += residual[i] * residual[i];
        }
        // A*(r) U with A*(r) = sum_i r_i c a_i a_i^T formed as a d x d matrix
        double[] adjoint = new double[d * d];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < d; j++) {
                for (int q = 0; q < d; q++) {
                    adjoint[j * d + q] += residual[i] * c * a[i * d + j] * a[i * d + q];
                }
            }
        }
        double[] gradient = new double[d * k];
        double fused = RankOneKernels.residualGradient(a, m, d, c, u, k, y, gradient, 2);
        assertThat(fused).isCloseTo(squared, within(1e-12 * squared));
        for (int j = 0; j < d; j++) {
            for (int l = 0; l < k; l++) {
                double expected = 0;
                for (int q = 0; q < d; q++) {
                    expected += adjoint[j * d + q] * u[q * k + l];
                }
                assertThat(gradient[j * k + l]).isCloseTo(expected, within(1e-11 * (1 + Math.abs(expected))));
            }
        }
    }

    @Test
    void smallIntegerCaseIsExact() {
        // a = (1, 2), U = [[1, 0], [1, 1]]: U^T a = (3, 2), |.|^2 = 13; y = 10 so r = 3;
        // gradient r a (U^T a)^T = 3 [[3, 2], [6, 4]]
        double[] out = new double[1];
        RankOneKernels.project(new double[] {1, 2}, 1, 2, 1.0, new double[] {1, 0, 1, 1}, 2, out);
        assertThat(out).containsExactly(13);
        double[] gradient = new double[4];
        double squared = RankOneKernels.residualGradient(new double[] {1, 2}, 1, 2, 1.0, new double[] {1, 0, 1, 1}, 2,
                new double[] {10}, gradient);
        assertThat(squared).isEqualTo(9.0);
        assertThat(gradient).containsExactly(9, 6, 18, 12);
    }

    @Test
    void residualsAreTheProjectionsToTheLastBitAndResultsDoNotDependOnThreads() {
        SplittableRandom random = new SplittableRandom(2);
        int m = 2003;
        int d = 40;
        int k = 5;
        assertThat((long) m * d * k).isGreaterThan(KernelThreads.PARALLEL_THRESHOLD);
        double[] a = gaussian(m * d, random);
        double[] u = gaussian(d * k, random);
        double[] y = new double[m];
        RankOneKernels.project(a, m, d, 1.5, u, k, y, 3);
        double[] zero = new double[d * k];
        assertThat(RankOneKernels.residualGradient(a, m, d, 1.5, u, k, y, zero, 2)).isZero();
        assertThat(zero).containsOnly(0.0);

        double[] noisy = gaussian(m, random);
        double[] reference = new double[d * k];
        double referenceSquared = RankOneKernels.residualGradient(a, m, d, 1.5, u, k, noisy, reference, 1);
        double[] projections = new double[m];
        RankOneKernels.project(a, m, d, 1.5, u, k, projections, 1);
        for (int threads : new int[] {2, 3, 5, 16}) {
            double[] gradient = new double[d * k];
            assertThat(RankOneKernels.residualGradient(a, m, d, 1.5, u, k, noisy, gradient, threads))
                    .isEqualTo(referenceSquared);
            assertThat(gradient).as("%d threads", threads).containsExactly(reference);
            double[] p = new double[m];
            RankOneKernels.project(a, m, d, 1.5, u, k, p, threads);
            assertThat(p).containsExactly(projections);
        }
    }

    @Test
    void rejectsWrongSizes() {
        assertThatThrownBy(() -> RankOneKernels.project(new double[6], 3, 2, 1, new double[5], 2, new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 x 2 factor needs 4");
        assertThatThrownBy(() -> RankOneKernels.residualGradient(new double[6], 3, 2, 1, new double[4], 2,
                new double[3], new double[3])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out has length 3, expected 4");
    }
}
