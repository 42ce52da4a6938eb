package org.reconlab.core.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Shape;

class PackedSymmetricOperatorTest {

    private static final int D = 7;
    private static final int M = 300;

    private final SplittableRandom random = new SplittableRandom(5);
    private final double[] dense = gaussian(M * D * D);
    private final PackedSymmetricOperator packed = PackedSymmetricOperator.fromDense(D, M, dense);

    private double[] gaussian(int length) {
        double[] v = new double[length];
        for (int i = 0; i < length; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private DoubleMatrix2D symmetricSignal() {
        return MatrixOps.symmetricPart(RandomMatrices.gaussian(D, D, 1.0, random));
    }

    /** {@code <A_i, X>} with the dense matrices. */
    private double denseApply(int i, DoubleMatrix2D x) {
        double s = 0;
        for (int j = 0; j < D; j++) {
            for (int k = 0; k < D; k++) {
                s += dense[i * D * D + j * D + k] * x.getQuick(j, k);
            }
        }
        return s;
    }

    @Test
    void observesSymmetricSignalsLikeTheDenseMatrices() {
        DoubleMatrix2D x = symmetricSignal();
        DoubleMatrix1D ax = packed.apply(x);
        for (int i = 0; i < M; i++) {
            assertThat(ax.getQuick(i)).isCloseTo(denseApply(i, x), within(1e-12));
        }
        assertThat(packed.domain()).isEqualTo(Shape.symmetric(D));
        assertThat(packed.rangeSize()).isEqualTo(M);
    }

    @Test
    void adjointIsTheSymmetricPartOfTheDenseAdjointAndKeepsTheAdjointIdentity() {
        DoubleMatrix1D y = RandomMatrices.gaussianVector(M, 1.0, random);
        DoubleMatrix2D adjoint = packed.adjoint(y);
        DoubleMatrix2D denseAdjoint = new DenseDoubleMatrix2D(D, D);
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < D; j++) {
                for (int k = 0; k < D; k++) {
                    denseAdjoint.setQuick(j, k, denseAdjoint.getQuick(j, k) + y.getQuick(i) * dense[i * D * D + j * D + k]);
                }
            }
        }
        assertThat(MatrixOps.distance(adjoint, MatrixOps.symmetricPart(denseAdjoint))).isLessThan(1e-11);
        DoubleMatrix2D x = symmetricSignal();
        assertThat(MatrixOps.inner(packed.apply(x), y)).isCloseTo(MatrixOps.inner(x, adjoint), within(1e-10));
        assertThat(packed.entry(3, 1, 4)).isEqualTo(packed.entry(3, 4, 1))
                .isCloseTo(0.5 * (dense[3 * D * D + D + 4] + dense[3 * D * D + 4 * D + 1]), within(1e-15));
    }

    @Test
    void fusedResidualAdjointEqualsTwoPasses() {
        DoubleMatrix2D x = symmetricSignal();
        DoubleMatrix1D y = RandomMatrices.gaussianVector(M, 1.0, random);
        DoubleMatrix1D residual = packed.apply(x);
        double squared = 0;
        for (int i = 0; i < M; i++) {
            residual.setQuick(i, residual.getQuick(i) - y.getQuick(i));
            squared += residual.getQuick(i) * residual.getQuick(i);
        }
        DoubleMatrix2D expected = packed.adjoint(residual);
        DoubleMatrix2D fused = new DenseDoubleMatrix2D(D, D);
        assertThat(packed.residualAdjoint(x, y, fused)).isCloseTo(squared, within(1e-10 * squared));
        assertThat(MatrixOps.distance(fused, expected)).isLessThan(1e-10 * MatrixOps.frobeniusNorm(expected));
    }

    @Test
    void exportsTheDenseMatrixOfTheSymmetricParts() {
        DoubleMatrix2D matrix = packed.asDenseMatrix().orElseThrow();
        assertThat(matrix.rows()).isEqualTo(M);
        assertThat(matrix.columns()).isEqualTo(D * D);
        DoubleMatrix2D x = symmetricSignal();
        DoubleMatrix1D ax = packed.apply(x);
        for (int i = 0; i < M; i++) {
            double s = 0;
            for (int j = 0; j < D; j++) {
                for (int k = 0; k < D; k++) {
                    assertThat(matrix.getQuick(i, j * D + k)).isEqualTo(packed.entry(i, j, k));
                    s += matrix.getQuick(i, j * D + k) * x.getQuick(j, k);
                }
            }
            assertThat(s).isCloseTo(ax.getQuick(i), within(1e-12));
        }
    }

    @Test
    void takesAnAsymmetricSignalThroughItsSymmetricPart() {
        DoubleMatrix2D general = RandomMatrices.gaussian(D, D, 1.0, random);
        DoubleMatrix1D ax = packed.apply(general);
        DoubleMatrix1D axSymmetric = packed.apply(MatrixOps.symmetricPart(general));
        for (int i = 0; i < M; i++) {
            assertThat(ax.getQuick(i)).isCloseTo(axSymmetric.getQuick(i), within(1e-12));
        }
    }

    @Test
    void rejectsWrongShapesNamingThem() {
        assertThatThrownBy(() -> packed.apply(new DenseDoubleMatrix2D(D + 1, D)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8 x 7");
        assertThatThrownBy(() -> packed.adjoint(new DenseDoubleMatrix1D(M + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("301");
        assertThatThrownBy(() -> new PackedSymmetricOperator(3, 2, new double[11]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need 12");
        assertThat(PackedSymmetricOperator.bytes(100, 2500)).isEqualTo(8L * 2500 * 5050);
    }
}
