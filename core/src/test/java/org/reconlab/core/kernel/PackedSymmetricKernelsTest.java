package org.reconlab.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PackedSymmetricKernelsTest {

    private static double[] gaussian(int length, SplittableRandom random) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static double[] symmetric(int d, SplittableRandom random) {
        double[] x = new double[d * d];
        for (int j = 0; j < d; j++) {
            for (int k = j; k < d; k++) {
                double v = random.nextGaussian();
                x[j * d + k] = v;
                x[k * d + j] = v;
            }
        }
        return x;
    }

    private static double inner(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void indexEnumeratesTheUpperTriangleRowByRow() {
        int d = 7;
        Set<Integer> seen = new HashSet<>();
        int expected = 0;
        for (int j = 0; j < d; j++) {
            for (int k = j; k < d; k++) {
                assertThat(PackedSymmetricKernels.index(j, k, d)).isEqualTo(expected++);
                seen.add(PackedSymmetricKernels.index(j, k, d));
            }
        }
        assertThat(seen).hasSize(PackedSymmetricKernels.packedLength(d)).hasSize(28);
        assertThatThrownBy(() -> PackedSymmetricKernels.index(3, 2, d)).hasMessageContaining("j = 3, k = 2");
    }

    @Test
    void twoByTwoCaseIsExact() {
        // A = [[1, 2], [3, 4]]: packed (1, 2 + 3, 4); X = [[5, 6], [6, 7]]: <A, X> = 5 + 12 + 18 + 28 = 63.
        double[] packedA = new double[3];
        PackedSymmetricKernels.packMeasurement(new double[] {1, 2, 3, 4}, 0, 2, packedA, 0);
        assertThat(packedA).containsExactly(1, 5, 4);
        double[] packedX = new double[3];
        PackedSymmetricKernels.packSignal(new double[] {5, 6, 6, 7}, 2, packedX);
        assertThat(packedX).containsExactly(5, 6, 7);
        assertThat(inner(packedA, packedX)).isEqualTo(63.0);
        double[] adjoint = new double[4];
        PackedSymmetricKernels.unpackAdjoint(packedA, 2, adjoint);
        assertThat(adjoint).containsExactly(1, 2.5, 2.5, 4);
    }

    @Test
    void packedInnerProductIsTheDenseOneOnSymmetricSignalsAndOnTheSymmetricPartOtherwise() {
        SplittableRandom random = new SplittableRandom(1);
        int d = 9;
        int n = PackedSymmetricKernels.packedLength(d);
        double[] a = gaussian(d * d, random);
        double[] packedA = new double[n];
        PackedSymmetricKernels.packMeasurement(a, 0, d, packedA, 0);

        double[] x = symmetric(d, random);
        double[] packedX = new double[n];
        PackedSymmetricKernels.packSignal(x, d, packedX);
        assertThat(inner(packedA, packedX)).isCloseTo(inner(a, x), within(1e-12));

        double[] general = gaussian(d * d, random);
        double[] symmetricPart = new double[d * d];
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                symmetricPart[j * d + k] = 0.5 * (general[j * d + k] + general[k * d + j]);
            }
        }
        PackedSymmetricKernels.packSignal(general, d, packedX);
        assertThat(inner(packedA, packedX)).isCloseTo(inner(a, symmetricPart), within(1e-12));
    }

    @Test
    void unpackedAdjointIsTheSumOfTheSymmetricParts() {
        SplittableRandom random = new SplittableRandom(2);
        int d = 6;
        int m = 5;
        int n = PackedSymmetricKernels.packedLength(d);
        double[] dense = gaussian(m * d * d, random);
        double[] y = gaussian(m, random);
        double[] packed = new double[m * n];
        for (int i = 0; i < m; i++) {
            PackedSymmetricKernels.packMeasurement(dense, i * d * d, d, packed, i * n);
        }
        double[] sum = new double[n];
        DenseOperatorKernels.multTransA(packed, m, n, y, sum);
        double[] adjoint = new double[d * d];
        PackedSymmetricKernels.unpackAdjoint(sum, d, adjoint);
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < d; k++) {
                double expected = 0;
                for (int i = 0; i < m; i++) {
                    expected += y[i] * 0.5 * (dense[i * d * d + j * d + k] + dense[i * d * d + k * d + j]);
                }
                assertThat(adjoint[j * d + k]).isCloseTo(expected, within(1e-12));
            }
        }
    }

    @Test
    void rejectsShortArraysAndAliasing() {
        assertThatThrownBy(() -> PackedSymmetricKernels.packSignal(new double[9], 3, new double[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 6");
        double[] both = new double[16];
        assertThatThrownBy(() -> PackedSymmetricKernels.packMeasurement(both, 0, 3, both, 9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different arrays");
        assertThatThrownBy(() -> PackedSymmetricKernels.packedLength(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> PackedSymmetricKernels.packedLength(70_000)).hasMessageContaining("more than an array");
    }
}
