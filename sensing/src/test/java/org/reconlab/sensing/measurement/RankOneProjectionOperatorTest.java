package org.reconlab.sensing.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.LinearOperator;

class RankOneProjectionOperatorTest {

    private static final double TIGHT = 1e-12;

    private final RankOneProjectionOperator a = new RankOneProjectionMeasurement(6, 25, 0, 0)
            .drawOperator(new SplittableRandom(1));
    private final DoubleMatrix2D u = RandomMatrices.gaussian(6, 3, 1.0, new SplittableRandom(2));
    private final DoubleMatrix2D v = RandomMatrices.gaussian(6, 3, 1.0, new SplittableRandom(3));
    private final DoubleMatrix1D y = RandomMatrices.gaussianVector(25, 1.0, new SplittableRandom(4));

    @Test
    void observationIsTheScaledQuadraticForm() {
        DoubleMatrix2D x = MatrixOps.symmetricPart(RandomMatrices.gaussian(6, 6, 1.0, new SplittableRandom(5)));
        DoubleMatrix1D ax = a.apply(x);
        for (int i = 0; i < 25; i++) {
            double form = 0;
            for (int j = 0; j < 6; j++) {
                for (int k = 0; k < 6; k++) {
                    form += a.vector(i, j) * x.getQuick(j, k) * a.vector(i, k);
                }
            }
            assertThat(ax.getQuick(i)).isCloseTo(form / 5.0, within(TIGHT * (1 + Math.abs(form))));
        }
    }

    @Test
    void factorKernelsAgreeWithTheFullMatrixKernels() {
        DoubleMatrix1D factored = new DenseDoubleMatrix1D(25);
        a.applyFactored(u, v, factored);
        DoubleMatrix1D full = a.apply(MatrixOps.multTransB(u, v));
        assertThat(MatrixOps.distance(asColumn(factored), asColumn(full))).isLessThan(TIGHT * MatrixOps.norm(full));
        DoubleMatrix2D adjoint = a.adjoint(y);
        assertThat(MatrixOps.distance(a.adjointTimes(y, v), MatrixOps.mult(adjoint, v))).isLessThan(TIGHT * 100);
        assertThat(MatrixOps.distance(a.adjointTransposeTimes(y, u), MatrixOps.multTransA(adjoint, u)))
                .isLessThan(TIGHT * 100);
    }

    @Test
    void onePassGradientKernelEqualsTheComposedKernels() {
        DoubleMatrix2D fused = new cern.colt.matrix.impl.DenseDoubleMatrix2D(6, 3);
        double squared = a.residualSymmetrizedAdjointTimes(u, y, fused);
        DoubleMatrix1D residual = a.apply(MatrixOps.multTransB(u, u));
        double expectedSquared = 0;
        for (int i = 0; i < 25; i++) {
            residual.setQuick(i, residual.getQuick(i) - y.getQuick(i));
            expectedSquared += residual.getQuick(i) * residual.getQuick(i);
        }
        DoubleMatrix2D adjoint = a.adjoint(residual);
        DoubleMatrix2D expected = MatrixOps.mult(adjoint, u);
        expected.assign(MatrixOps.multTransA(adjoint, u), cern.jet.math.Functions.plus);
        assertThat(squared).isCloseTo(expectedSquared, within(TIGHT * expectedSquared));
        assertThat(MatrixOps.distance(fused, expected)).isLessThan(TIGHT * MatrixOps.frobeniusNorm(expected));
    }

    @Test
    void designMatricesReproduceTheOperator() {
        DoubleMatrix1D expected = a.apply(MatrixOps.multTransB(u, v));
        DoubleMatrix1D viaLeft = a.leftDesign(v).zMult(vec(u), null);
        DoubleMatrix1D viaRight = a.rightDesign(u).zMult(vec(v), null);
        assertThat(MatrixOps.distance(asColumn(viaLeft), asColumn(expected))).isLessThan(TIGHT * 100);
        assertThat(MatrixOps.distance(asColumn(viaRight), asColumn(expected))).isLessThan(TIGHT * 100);
    }

    @Test
    void restrictionKeepsTheScaleOfTheFullOperator() {
        LinearOperator rows = a.restrict(new int[] {4, 0, 4});
        DoubleMatrix2D x = MatrixOps.symmetricPart(RandomMatrices.gaussian(6, 6, 1.0, new SplittableRandom(6)));
        DoubleMatrix1D full = a.apply(x);
        DoubleMatrix1D some = rows.apply(x);
        assertThat(some.toArray()).containsExactly(full.getQuick(4), full.getQuick(0), full.getQuick(4));
        assertThatThrownBy(() -> a.restrict(new int[] {25})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void squaredNormHasTheFourthMomentExpectation() {
        // E (a^T X a)^2 = 2 ||X||_F^2 + tr(X)^2 for a ~ N(0, I); the 1/sqrt(m) scale makes ||A(X)||^2 its mean.
        int m = 200_000;
        RankOneProjectionOperator big = new RankOneProjectionMeasurement(3, m, 0, 0).drawOperator(new SplittableRandom(7));
        DoubleMatrix2D x = MatrixOps.symmetricPart(RandomMatrices.gaussian(3, 3, 1.0, new SplittableRandom(8)));
        double trace = x.getQuick(0, 0) + x.getQuick(1, 1) + x.getQuick(2, 2);
        double expected = 2 * MatrixOps.inner(x, x) + trace * trace;
        DoubleMatrix1D ax = big.apply(x);
        assertThat(MatrixOps.inner(ax, ax)).isCloseTo(expected, within(0.03 * expected));
    }

    @Test
    void truncationZeroesTheLongVectorsOnly() {
        int d = 4;
        double tau = 1.5;
        RankOneProjectionOperator truncated = new RankOneProjectionMeasurement(d, 2000, 0, tau)
                .drawOperator(new SplittableRandom(9));
        RankOneProjectionOperator kept = new RankOneProjectionMeasurement(d, 2000, 0, 0)
                .drawOperator(new SplittableRandom(9));
        int dropped = 0;
        for (int i = 0; i < 2000; i++) {
            double squared = 0;
            for (int j = 0; j < d; j++) {
                squared += kept.vector(i, j) * kept.vector(i, j);
            }
            for (int j = 0; j < d; j++) {
                assertThat(truncated.vector(i, j)).isEqualTo(squared > tau * d ? 0 : kept.vector(i, j));
            }
            dropped += squared > tau * d ? 1 : 0;
        }
        // P(chi^2_4 > 6) = 0.199
        assertThat(dropped / 2000.0).isCloseTo(0.199, within(0.03));
    }

    private static DoubleMatrix1D vec(DoubleMatrix2D f) {
        DoubleMatrix1D out = new DenseDoubleMatrix1D(f.rows() * f.columns());
        for (int j = 0; j < f.rows(); j++) {
            for (int l = 0; l < f.columns(); l++) {
                out.setQuick(j * f.columns() + l, f.getQuick(j, l));
            }
        }
        return out;
    }

    private static DoubleMatrix2D asColumn(DoubleMatrix1D v) {
        DoubleMatrix2D out = new cern.colt.matrix.impl.DenseDoubleMatrix2D(v.size(), 1);
        out.viewColumn(0).assign(v);
        return out;
    }
}
