package org.reconlab.networks.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import cern.colt.matrix.linalg.Algebra;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.RandomMatrices;

class NonNegativeLeastSquaresTest {

    private final SplittableRandom random = new SplittableRandom(21);

    @Test
    void identityClipsTheNegativeEntries() {
        DoubleMatrix2D identity = cern.colt.matrix.DoubleFactory2D.dense.identity(3);
        double[] h = NonNegativeLeastSquares.solve(identity, new DenseDoubleMatrix1D(new double[] {1, -2, 3}));
        assertThat(h).containsExactly(new double[] {1, 0, 3}, within(1e-15));
        assertThat(NonNegativeLeastSquares.relativeConeDistance(identity,
                new DenseDoubleMatrix1D(new double[] {1, -2, 3}))).isCloseTo(2 / Math.sqrt(14), within(1e-15));
    }

    @Test
    void aPointOfTheConeHasDistanceZero() {
        for (int k : new int[] {3, 10, 40}) {
            DoubleMatrix2D v = RandomMatrices.gaussian(10, k, 1 / Math.sqrt(k), random);
            double[] h0 = new double[k];
            for (int j = 0; j < Math.min(k, 3); j++) {
                h0[j] = 0.5 + random.nextDouble();
            }
            DoubleMatrix1D y = v.zMult(new DenseDoubleMatrix1D(h0), null);
            assertThat(NonNegativeLeastSquares.relativeConeDistance(v, y)).as("k = %d", k).isLessThan(1e-13);
        }
    }

    /** Against exhaustive search: the best unconstrained fit on every support whose solution is non-negative. */
    @Test
    void agreesWithExhaustiveSearchOverSupports() {
        Algebra algebra = new Algebra();
        for (int draw = 0; draw < 20; draw++) {
            int m = 4;
            int k = 2 + draw % 5;
            DoubleMatrix2D v = RandomMatrices.gaussian(m, k, 1, random);
            DoubleMatrix1D y = RandomMatrices.gaussianVector(m, 1, random);
            double best = norm(y);
            for (int subset = 1; subset < (1 << k); subset++) {
                int size = Integer.bitCount(subset);
                if (size > m) {
                    continue;
                }
                DoubleMatrix2D sub = new DenseDoubleMatrix2D(m, size);
                for (int j = 0, c = 0; j < k; j++) {
                    if ((subset & (1 << j)) != 0) {
                        sub.viewColumn(c++).assign(v.viewColumn(j));
                    }
                }
                DoubleMatrix1D s = algebra.solve(sub, columnOf(y)).viewColumn(0);
                boolean feasible = true;
                for (int c = 0; c < size; c++) {
                    feasible &= s.getQuick(c) >= 0;
                }
                if (feasible) {
                    best = Math.min(best, norm(y.copy().assign(sub.zMult(s, null), (a, b) -> a - b)));
                }
            }
            double[] h = NonNegativeLeastSquares.solve(v, y);
            for (double x : h) {
                assertThat(x).isGreaterThanOrEqualTo(0.0);
            }
            double residual = norm(y.copy().assign(v.zMult(new DenseDoubleMatrix1D(h), null), (a, b) -> a - b));
            assertThat(residual).as("draw %d (k = %d)", draw, k).isCloseTo(best, within(1e-12));
        }
    }

    /** KKT: the dual V^T (y - V h) is at most 0 everywhere and 0 where h > 0. */
    @Test
    void satisfiesTheOptimalityConditions() {
        for (int k : new int[] {5, 20, 80}) {
            DoubleMatrix2D v = RandomMatrices.gaussian(10, k, 1 / Math.sqrt(k), random);
            DoubleMatrix1D y = RandomMatrices.gaussianVector(10, 1, random);
            double[] h = NonNegativeLeastSquares.solve(v, y);
            DoubleMatrix1D residual = y.copy().assign(v.zMult(new DenseDoubleMatrix1D(h), null), (a, b) -> a - b);
            DoubleMatrix1D g = v.zMult(residual, null, 1, 0, true);
            for (int j = 0; j < k; j++) {
                assertThat(h[j]).isGreaterThanOrEqualTo(0);
                assertThat(g.getQuick(j)).as("k = %d, j = %d", k, j).isLessThanOrEqualTo(1e-12);
                if (h[j] > 0) {
                    assertThat(g.getQuick(j)).isCloseTo(0, within(1e-12));
                }
            }
        }
    }

    private static DoubleMatrix2D columnOf(DoubleMatrix1D y) {
        DoubleMatrix2D column = new DenseDoubleMatrix2D(y.size(), 1);
        column.viewColumn(0).assign(y);
        return column;
    }

    private static double norm(DoubleMatrix1D x) {
        return Math.sqrt(x.zDotProduct(x));
    }
}
