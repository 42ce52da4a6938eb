package org.reconlab.sketching.testmatrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;

class TestMatrixTest {

    private static final double EXACT = 1e-12;

    @ParameterizedTest
    @EnumSource(TestMatrixKind.class)
    void everyProductAgreesWithTheDenseMatrix(TestMatrixKind kind) {
        SplittableRandom random = new SplittableRandom(1);
        TestMatrix s = kind.draw(7, 23, random);
        DoubleMatrix2D dense = s.toDense();
        DoubleMatrix2D a = RandomMatrices.gaussian(23, 4, 1, random);
        DoubleMatrix2D b = RandomMatrices.gaussian(7, 3, 1, random);
        DoubleMatrix2D rowsA = RandomMatrices.gaussian(5, 23, 1, random);
        DoubleMatrix2D rowsB = RandomMatrices.gaussian(2, 7, 1, random);
        assertClose(s.apply(a), MatrixOps.mult(dense, a));
        assertClose(s.applyTranspose(b), MatrixOps.multTransA(dense, b));
        assertClose(s.applyToRows(rowsA), MatrixOps.multTransB(rowsA, dense));
        assertClose(s.applyTransposeToRows(rowsB), MatrixOps.mult(rowsB, dense));
        for (int j = 0; j < 23; j++) {
            assertThat(s.column(j).toArray()).containsExactly(dense.viewColumn(j).toArray(), within(EXACT));
        }
    }

    @ParameterizedTest
    @EnumSource(TestMatrixKind.class)
    void secondMomentIsThatOfAStandardGaussianMatrix(TestMatrixKind kind) {
        // E[S^T S] = k I: average over draws, diagonal near k and off-diagonal near 0.
        int k = 6;
        int n = 16;
        int draws = 3000;
        SplittableRandom random = new SplittableRandom(2);
        DoubleMatrix2D sum = new cern.colt.matrix.impl.DenseDoubleMatrix2D(n, n);
        for (int d = 0; d < draws; d++) {
            DoubleMatrix2D dense = kind.draw(k, n, random).toDense();
            sum.assign(MatrixOps.multTransA(dense, dense), cern.jet.math.Functions.plus);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // The standard error of an entry of the Gaussian mean is about sqrt(2k / draws) = 0.063.
                assertThat(sum.getQuick(i, j) / draws).isCloseTo(i == j ? k : 0, within(0.35));
            }
        }
    }

    @Test
    void sparseSignColumnsHaveZetaEntriesOfEqualMagnitude() {
        SparseSignTestMatrix s = SparseSignTestMatrix.draw(20, 50, new SplittableRandom(3));
        assertThat(s.nonzerosPerColumn()).isEqualTo(8);
        double magnitude = Math.sqrt(20.0 / 8);
        for (int j = 0; j < 50; j++) {
            double[] column = s.column(j).toArray();
            int nonzeros = 0;
            for (double v : column) {
                if (v != 0) {
                    nonzeros++;
                    assertThat(Math.abs(v)).isCloseTo(magnitude, within(EXACT));
                }
            }
            assertThat(nonzeros).isEqualTo(8);
        }
        assertThat(SparseSignTestMatrix.draw(3, 5, new SplittableRandom(4)).nonzerosPerColumn()).isEqualTo(3);
    }

    @Test
    void srttHasOrthogonalRowsOfNormSqrtN() {
        // S = sqrt(n) R F D with F orthonormal: S S^T = n I exactly, which also checks that JTransforms' scaled DCT
        // is orthonormal.
        int n = 30;
        DoubleMatrix2D s = SrttTestMatrix.draw(9, n, new SplittableRandom(5)).toDense();
        DoubleMatrix2D gram = MatrixOps.multTransB(s, s);
        assertClose(gram, MatrixOps.scaledIdentity(9, 9, n));
        assertThatThrownBy(() -> SrttTestMatrix.draw(31, 30, new SplittableRandom(6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("31 x 30");
    }

    @ParameterizedTest
    @EnumSource(TestMatrixKind.class)
    void sameStreamGivesTheSameMatrixAndShapesAreChecked(TestMatrixKind kind) {
        TestMatrix first = kind.draw(5, 12, new SplittableRandom(7));
        TestMatrix second = kind.draw(5, 12, new SplittableRandom(7));
        assertThat(MatrixOps.distance(first.toDense(), second.toDense())).isZero();
        assertThatThrownBy(() -> first.apply(new cern.colt.matrix.impl.DenseDoubleMatrix2D(11, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("11");
        assertThatThrownBy(() -> first.applyTranspose(new cern.colt.matrix.impl.DenseDoubleMatrix2D(4, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4");
    }

    @Test
    void specNamesRoundTrip() {
        assertThat(TestMatrixKind.specNames()).containsExactly("gaussian", "sparse-sign", "srtt");
        for (TestMatrixKind kind : TestMatrixKind.values()) {
            assertThat(TestMatrixKind.fromSpecName(kind.specName())).isEqualTo(kind);
        }
        assertThatThrownBy(() -> TestMatrixKind.fromSpecName("hadamard")).hasMessageContaining("hadamard");
    }

    static void assertClose(DoubleMatrix2D actual, DoubleMatrix2D expected) {
        assertThat(MatrixOps.distance(actual, expected)).isLessThanOrEqualTo(EXACT * (1 + MatrixOps.frobeniusNorm(expected)));
    }
}
