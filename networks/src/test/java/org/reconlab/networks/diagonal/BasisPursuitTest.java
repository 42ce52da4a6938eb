package org.reconlab.networks.diagonal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Observations;

class BasisPursuitTest {

    @Test
    void smallKnownAnswer() {
        // w1 + w2 = 1, w2 + w3 = 1: (0, 1, 0) has l1 norm 1, every other solution (t, 1 - t, t) has 1 + |t| - ... >= 1.
        DoubleMatrix2D a = new DenseDoubleMatrix2D(new double[][] {{1, 1, 0}, {0, 1, 1}});
        double[] w = BasisPursuit.solve(a, new DenseDoubleMatrix1D(new double[] {1, 1}));
        assertThat(w).containsExactly(new double[] {0, 1, 0}, within(1e-12));
    }

    @Test
    void recoversASparseVectorFromEnoughGaussianMeasurements() {
        SplittableRandom random = new SplittableRandom(4);
        GroundTruth truth = new SparseVectorProblem(60, 3, false).draw(random);
        Observations observed = new GaussianDesignMeasurement(60, 30, 0).observe(truth, random);
        double[] w = BasisPursuit.solve(observed.operator(), observed.values());
        assertThat(w).containsExactly(truth.signal().viewColumn(0).toArray(), within(1e-12));
    }

    @Test
    void isFeasibleAndNoNullSpaceDirectionLowersTheL1Norm() {
        SplittableRandom random = new SplittableRandom(5);
        DoubleMatrix2D a = RandomMatrices.gaussian(8, 20, 1, random);
        DoubleMatrix1D y = RandomMatrices.gaussianVector(8, 1, random);
        double[] w = BasisPursuit.solve(a, y);
        DoubleMatrix1D aw = a.zMult(new DenseDoubleMatrix1D(w), null);
        for (int i = 0; i < 8; i++) {
            assertThat(aw.getQuick(i)).isCloseTo(y.getQuick(i), within(1e-12));
        }
        assertThat(java.util.Arrays.stream(w).filter(v -> v != 0).count()).isLessThanOrEqualTo(8);
        double l1 = java.util.Arrays.stream(w).map(Math::abs).sum();
        // Null-space directions: project random vectors onto ker A with the SVD-free formula z - A^T (A A^T)^{-1} A z.
        DoubleMatrix2D gram = a.zMult(a, null, 1, 0, false, true);
        cern.colt.matrix.linalg.Algebra algebra = new cern.colt.matrix.linalg.Algebra();
        DoubleMatrix2D gramInverse = algebra.inverse(gram);
        for (int k = 0; k < 200; k++) {
            DoubleMatrix1D z = RandomMatrices.gaussianVector(20, 1, random);
            DoubleMatrix1D correction = a.zMult(gramInverse.zMult(a.zMult(z, null), null), null, 1, 0, true);
            double perturbed = 0;
            for (int j = 0; j < 20; j++) {
                perturbed += Math.abs(w[j] + 1e-3 * (z.getQuick(j) - correction.getQuick(j)));
            }
            assertThat(perturbed).isGreaterThanOrEqualTo(l1 - 1e-12);
        }
    }

    @Test
    void materializesAnOperatorOnVectors() {
        DoubleMatrix2D a = RandomMatrices.gaussian(3, 4, 1, new SplittableRandom(6));
        assertThat(BasisPursuit.matrix(new GaussianDesignMeasurement.MatrixOperator(a)).toArray()).isDeepEqualTo(a.toArray());
    }

    @Test
    void rejectsMismatchedSizes() {
        assertThatThrownBy(() -> BasisPursuit.solve(new DenseDoubleMatrix2D(2, 3), new DenseDoubleMatrix1D(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 rows").hasMessageContaining("3 entries");
    }
}
