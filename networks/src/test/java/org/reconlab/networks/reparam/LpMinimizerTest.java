package org.reconlab.networks.reparam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import cern.colt.matrix.linalg.Algebra;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.RandomMatrices;

class LpMinimizerTest {

    private static final double[] EXPONENTS = {1.1, 1.25, 1.5, 1.75, 2.0};

    private final SplittableRandom random = new SplittableRandom(13);
    private final DoubleMatrix2D a = RandomMatrices.gaussian(8, 30, 1 / Math.sqrt(8), random);
    private final DoubleMatrix1D y = RandomMatrices.gaussianVector(8, 1, random);

    /**
     * One constraint {@code <a, w> = y}: the optimality condition {@code sign(w) |w|^(p-1) = lambda a} gives
     * {@code w_j = sign(y a_j) |a_j|^(q-1) |y| / ||a||_q^q} with {@code q = p / (p-1)}.
     */
    @Test
    void oneConstraintHasTheClosedFormSolution() {
        double[] row = {0.3, -1.2, 0.7, 2.0, -0.05};
        DoubleMatrix2D single = new DenseDoubleMatrix2D(new double[][] {row});
        for (double p : EXPONENTS) {
            double q = p / (p - 1);
            double sum = 0;
            for (double aj : row) {
                sum += Math.pow(Math.abs(aj), q);
            }
            double[] w = LpMinimizer.solve(p, single, new DenseDoubleMatrix1D(new double[] {-1.7}));
            for (int j = 0; j < row.length; j++) {
                double expected = -Math.signum(row[j]) * Math.pow(Math.abs(row[j]), q - 1) * 1.7 / sum;
                assertThat(w[j]).as("p = %s, entry %d", p, j).isCloseTo(expected, within(1e-13));
            }
        }
    }

    @Test
    void pTwoGivesTheMinimumNormInterpolant() {
        Algebra algebra = new Algebra();
        DoubleMatrix1D expected = a.zMult(algebra.inverse(a.zMult(a, null, 1, 0, false, true)).zMult(y, null), null, 1,
                0, true);
        assertThat(LpMinimizer.solve(2, a, y)).containsExactly(expected.toArray(), within(1e-12));
    }

    /** Feasible, and no feasible move along the null space of A lowers {@code ||w||_p^p}. */
    @Test
    void interpolatesAndMinimizesTheLpNormAmongInterpolants() {
        Algebra algebra = new Algebra();
        DoubleMatrix2D gramInverse = algebra.inverse(a.zMult(a, null, 1, 0, false, true));
        for (double p : EXPONENTS) {
            double[] w = LpMinimizer.solve(p, a, y);
            DoubleMatrix1D aw = a.zMult(new DenseDoubleMatrix1D(w), null);
            for (int i = 0; i < y.size(); i++) {
                assertThat(aw.getQuick(i)).isCloseTo(y.getQuick(i), within(1e-12));
            }
            double value = lpNorm(w, p);
            for (double size : new double[] {1e-1, 1e-3, 1e-5}) {
                for (int k = 0; k < 50; k++) {
                    DoubleMatrix1D z = RandomMatrices.gaussianVector(30, size, random);
                    DoubleMatrix1D correction = a.zMult(gramInverse.zMult(a.zMult(z, null), null), null, 1, 0, true);
                    double[] moved = w.clone();
                    for (int j = 0; j < moved.length; j++) {
                        moved[j] += z.getQuick(j) - correction.getQuick(j);
                    }
                    assertThat(lpNorm(moved, p)).as("p = %s, step %s", p, size)
                            .isGreaterThanOrEqualTo(value * (1 - 1e-14));
                }
            }
        }
    }

    /** The minimizers of the smoothed regularizers the flow follows converge to the exact one as beta -> 0. */
    @Test
    void smoothedMinimizersConvergeToTheExactOne() {
        for (double p : new double[] {1.25, 1.5, 1.75}) {
            double[] exact = LpMinimizer.solve(p, a, y);
            double previous = Double.POSITIVE_INFINITY;
            for (double beta : new double[] {1e-2, 1e-4, 1e-6, 1e-8}) {
                double distance = distance(ImplicitBiasSolver.solve(Reparametrization.lp(p, beta), a, y), exact);
                assertThat(distance).as("p = %s, beta = %s", p, beta).isLessThan(previous / 2);
                previous = distance;
            }
            assertThat(previous).as("p = %s at beta = 1e-8", p).isLessThan(Math.pow(1e-8, p - 1) * 10);
        }
    }

    @Test
    void zeroObservationsGiveZero() {
        assertThat(LpMinimizer.solve(1.3, a, new DenseDoubleMatrix1D(8))).containsOnly(0.0);
    }

    @Test
    void rejectsExponentsOutsideTheConvexSmoothRange() {
        assertThatThrownBy(() -> LpMinimizer.solve(1.0, a, y)).hasMessageContaining("1 < p <= 2");
        assertThatThrownBy(() -> LpMinimizer.solve(2.5, a, y)).hasMessageContaining("1 < p <= 2");
        assertThatThrownBy(() -> LpMinimizer.solve(1.5, a, new DenseDoubleMatrix1D(3))).hasMessageContaining("rows");
    }

    private static double lpNorm(double[] w, double p) {
        double sum = 0;
        for (double v : w) {
            sum += Math.pow(Math.abs(v), p);
        }
        return sum;
    }

    private static double distance(double[] u, double[] v) {
        double sum = 0;
        for (int j = 0; j < u.length; j++) {
            sum += (u[j] - v[j]) * (u[j] - v[j]);
        }
        return Math.sqrt(sum);
    }
}
