package org.reconlab.networks.reparam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.linalg.Algebra;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.RandomMatrices;

class ImplicitBiasSolverTest {

    private final SplittableRandom random = new SplittableRandom(8);
    private final DoubleMatrix2D a = RandomMatrices.gaussian(6, 15, 1 / Math.sqrt(6), random);
    private final DoubleMatrix1D y = RandomMatrices.gaussianVector(6, 1, random);

    @Test
    void identityGivesTheMinimumNormInterpolant() {
        double[] w = ImplicitBiasSolver.solve(Reparametrization.identity(), a, y);
        // A^T (A A^T)^{-1} y
        Algebra algebra = new Algebra();
        DoubleMatrix1D expected = a.zMult(algebra.inverse(a.zMult(a, null, 1, 0, false, true)).zMult(y, null), null, 1, 0, true);
        assertThat(w).containsExactly(expected.toArray(), within(1e-12));
    }

    @Test
    void minimizesTheRegularizerOverTheInterpolants() {
        for (Reparametrization r : new Reparametrization[] {Reparametrization.lp(1.5, 1e-3), Reparametrization.lp(1.1, 1e-2),
                Reparametrization.sinh(0.2)}) {
            double[] w = ImplicitBiasSolver.solve(r, a, y);
            DoubleMatrix1D aw = a.zMult(new DenseDoubleMatrix1D(w), null);
            for (int i = 0; i < 6; i++) {
                assertThat(aw.getQuick(i)).isCloseTo(y.getQuick(i), within(1e-11));
            }
            double value = regularizer(r, w);
            Algebra algebra = new Algebra();
            DoubleMatrix2D gramInverse = algebra.inverse(a.zMult(a, null, 1, 0, false, true));
            for (int k = 0; k < 100; k++) {
                DoubleMatrix1D z = RandomMatrices.gaussianVector(15, 1e-2, random);
                DoubleMatrix1D correction = a.zMult(gramInverse.zMult(a.zMult(z, null), null), null, 1, 0, true);
                double[] moved = w.clone();
                for (int j = 0; j < 15; j++) {
                    moved[j] += z.getQuick(j) - correction.getQuick(j);
                }
                assertThat(regularizer(r, moved)).as("%s", r).isGreaterThanOrEqualTo(value - 1e-12);
            }
        }
    }

    @Test
    void lpSolutionsMoveFromMinimumNormTowardsSparsityAsPDecreases() {
        double[] l2 = ImplicitBiasSolver.solve(Reparametrization.identity(), a, y);
        double[] l15 = ImplicitBiasSolver.solve(Reparametrization.lp(1.5, 1e-6), a, y);
        double[] l11 = ImplicitBiasSolver.solve(Reparametrization.lp(1.1, 1e-6), a, y);
        assertThat(l1(l15)).isLessThan(l1(l2));
        assertThat(l1(l11)).isLessThan(l1(l15));
    }

    private static double regularizer(Reparametrization r, double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += r.regularizer(v);
        }
        return sum;
    }

    private static double l1(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += Math.abs(v);
        }
        return sum;
    }
}
