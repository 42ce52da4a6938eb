package org.reconlab.deconvolution.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;

class LiftedConvolutionOperatorTest {

    private static final int L = 24;
    private static final int K = 5;
    private static final int N = 4;

    private static LiftedConvolutionOperator operator(SubspaceBasis basis, SplittableRandom random) {
        return new LiftedConvolutionOperator(basis.matrix(L, K, random), RandomMatrices.gaussian(L, N, 1 / Math.sqrt(L), random));
    }

    @Test
    void liftedRankOneMatrixGivesTheConvolutionOfFilterAndSignal() {
        SplittableRandom random = new SplittableRandom(1);
        for (SubspaceBasis basis : SubspaceBasis.values()) {
            LiftedConvolutionOperator a = operator(basis, random);
            DoubleMatrix2D h = RandomMatrices.gaussian(K, 1, 1, random);
            DoubleMatrix2D m = RandomMatrices.gaussian(N, 1, 1, random);
            DoubleMatrix2D w = MatrixOps.mult(a.basis(), h);
            DoubleMatrix2D x = MatrixOps.mult(a.signalMatrix(), m);
            DoubleMatrix1D y = a.apply(MatrixOps.multTransB(h, m));
            for (int t = 0; t < L; t++) {
                double direct = 0;
                for (int s = 0; s < L; s++) {
                    direct += w.getQuick(s, 0) * x.getQuick(Math.floorMod(t - s, L), 0);
                }
                assertThat(y.getQuick(t)).as("%s, sample %d", basis, t).isCloseTo(direct, within(1e-12));
            }
        }
    }

    @Test
    void isNormalizedSoThatTheExpectedSquaredNormIsTheFrobeniusNorm() {
        // E||A(X)||^2 = ||X||_F^2 over the draw of C; the mean of 400 draws is within a few standard errors.
        SplittableRandom random = new SplittableRandom(2);
        DoubleMatrix2D x = RandomMatrices.gaussian(K, N, 1, random);
        double expected = MatrixOps.inner(x, x);
        double sum = 0;
        int draws = 400;
        for (int i = 0; i < draws; i++) {
            DoubleMatrix1D y = operator(SubspaceBasis.IDENTITY, random).apply(x);
            sum += MatrixOps.inner(y, y);
        }
        assertThat(sum / draws).isCloseTo(expected, within(0.05 * expected));
    }

    @Test
    void itsDenseMatrixHoldsTheConvolutionsOfTheBasisColumnsWithTheSignalColumns() {
        SplittableRandom random = new SplittableRandom(4);
        for (SubspaceBasis basis : SubspaceBasis.values()) {
            LiftedConvolutionOperator a = operator(basis, random);
            DoubleMatrix2D matrix = a.asDenseMatrix().orElseThrow();
            DoubleMatrix2D b = a.basis();
            DoubleMatrix2D c = a.signalMatrix();
            assertThat(matrix.rows()).isEqualTo(L);
            assertThat(matrix.columns()).isEqualTo(K * N);
            for (int k = 0; k < K; k++) {
                for (int n = 0; n < N; n++) {
                    for (int t = 0; t < L; t++) {
                        double direct = 0;
                        for (int s = 0; s < L; s++) {
                            direct += b.getQuick(s, k) * c.getQuick(Math.floorMod(t - s, L), n);
                        }
                        assertThat(matrix.getQuick(t, k * N + n)).as("%s, column (%d, %d), sample %d", basis, k, n, t)
                                .isCloseTo(direct, within(1e-12));
                    }
                }
            }
            // A(X) = M vec(X), vec row-major.
            DoubleMatrix2D x = RandomMatrices.gaussian(K, N, 1, random);
            DoubleMatrix1D viaMatrix = MatrixOps.mult(matrix, new DenseDoubleMatrix2D(new double[][] {
                    java.util.Arrays.stream(x.toArray()).flatMapToDouble(java.util.Arrays::stream).toArray()}).viewDice())
                    .viewColumn(0);
            DoubleMatrix1D direct = a.apply(x);
            for (int t = 0; t < L; t++) {
                assertThat(viaMatrix.getQuick(t)).isCloseTo(direct.getQuick(t), within(1e-12));
            }
        }
    }

    @Test
    void shapesAndSizesAreChecked() {
        LiftedConvolutionOperator a = operator(SubspaceBasis.IDENTITY, new SplittableRandom(3));
        assertThat(a.domain().rows()).isEqualTo(K);
        assertThat(a.domain().columns()).isEqualTo(N);
        assertThat(a.rangeSize()).isEqualTo(L);
        assertThatThrownBy(() -> a.apply(new DenseDoubleMatrix2D(N, K))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(N + " x " + K);
        assertThatThrownBy(() -> new LiftedConvolutionOperator(new DenseDoubleMatrix2D(L, K), new DenseDoubleMatrix2D(L + 1, N)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(L + 1));
    }
}
