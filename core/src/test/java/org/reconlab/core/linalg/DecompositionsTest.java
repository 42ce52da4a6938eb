package org.reconlab.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecompositionsTest {

    private static final double TOLERANCE = 1e-10;

    /** {@code U diag(s) V^T} with Haar-random orthonormal U (rows x k) and V (columns x k). */
    private static DoubleMatrix2D planted(int rows, int columns, double[] s, SplittableRandom random) {
        DoubleMatrix2D u = RandomMatrices.orthonormalColumns(rows, s.length, random);
        DoubleMatrix2D v = RandomMatrices.orthonormalColumns(columns, s.length, random);
        DoubleMatrix2D us = u.copy();
        for (int j = 0; j < s.length; j++) {
            for (int i = 0; i < rows; i++) {
                us.setQuick(i, j, u.getQuick(i, j) * s[j]);
            }
        }
        return MatrixOps.multTransB(us, v);
    }

    @Test
    void svdReturnsPlantedSingularValuesForTallAndWideMatrices() {
        double[] s = {5, 3, 0.5};
        for (int[] shape : new int[][] {{9, 6}, {6, 9}}) {
            DoubleMatrix2D a = planted(shape[0], shape[1], s, new SplittableRandom(1));
            Decompositions.Svd svd = Decompositions.svd(a);
            assertThat(svd.u().rows()).isEqualTo(shape[0]);
            assertThat(svd.v().rows()).isEqualTo(shape[1]);
            for (int k = 0; k < 3; k++) {
                assertThat(svd.singularValues().getQuick(k)).isCloseTo(s[k], within(TOLERANCE));
            }
            assertThat(svd.rank(1e-9)).isEqualTo(3);
            assertThat(MatrixOps.distance(svd.reconstruct(svd.rank(1e-9), x -> x), a)).isLessThan(TOLERANCE);
        }
    }

    @Test
    void singularValueThresholdingShrinksEachSingularValueByTau() {
        DoubleMatrix2D a = planted(7, 5, new double[] {4, 2, 1}, new SplittableRandom(2));
        double[] shrunk = Decompositions.singularValues(Decompositions.singularValueThreshold(a, 1.5));
        assertThat(shrunk[0]).isCloseTo(2.5, within(TOLERANCE));
        assertThat(shrunk[1]).isCloseTo(0.5, within(TOLERANCE));
        assertThat(shrunk[2]).isCloseTo(0, within(TOLERANCE));
        assertThat(Decompositions.nuclearNorm(a)).isCloseTo(7, within(TOLERANCE));
    }

    @Test
    void psdProjectionDropsNegativeEigenvaluesAndRankProjectionKeepsTheTopOnes() {
        SplittableRandom random = new SplittableRandom(3);
        DoubleMatrix2D q = RandomMatrices.orthonormalColumns(6, 6, random);
        double[] lambda = {3, 2, 1, -1, -2, 0.5};
        DoubleMatrix2D a = new DenseDoubleMatrix2D(6, 6);
        for (int k = 0; k < 6; k++) {
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 6; j++) {
                    a.setQuick(i, j, a.getQuick(i, j) + lambda[k] * q.getQuick(i, k) * q.getQuick(j, k));
                }
            }
        }
        Decompositions.Eigen projected = Decompositions.symmetricEigen(Decompositions.projectPsd(a));
        assertThat(projected.values().toArray()).containsExactly(new double[] {3, 2, 1, 0.5, 0, 0}, within(TOLERANCE));
        Decompositions.Eigen rankTwo = Decompositions.symmetricEigen(Decompositions.projectPsdRank(a, 2));
        assertThat(rankTwo.values().toArray()).containsExactly(new double[] {3, 2, 0, 0, 0, 0}, within(TOLERANCE));
        Decompositions.Eigen top = Decompositions.topEigen(a, 2);
        assertThat(top.values().toArray()).containsExactly(new double[] {3, 2}, within(TOLERANCE));
        assertThat(Math.abs(MatrixOps.inner(top.vectors().viewColumn(0), q.viewColumn(0)))).isCloseTo(1, within(TOLERANCE));
    }

    @Test
    void principalAngleIsZeroForTheSameSpaceAndOneForOrthogonalSpaces() {
        DoubleMatrix2D q = RandomMatrices.orthonormalColumns(8, 4, new SplittableRandom(4));
        DoubleMatrix2D first = q.viewPart(0, 0, 8, 2).copy();
        DoubleMatrix2D second = q.viewPart(0, 2, 8, 2).copy();
        DoubleMatrix2D rotated = MatrixOps.mult(first, new DenseDoubleMatrix2D(new double[][] {{0.6, -0.8}, {0.8, 0.6}}));
        assertThat(Decompositions.largestPrincipalAngleSine(first, rotated)).isCloseTo(0, within(1e-7));
        assertThat(Decompositions.largestPrincipalAngleSine(first, second)).isCloseTo(1, within(TOLERANCE));
    }

    @Test
    void orthonormalColumnsAreOrthonormal() {
        DoubleMatrix2D q = RandomMatrices.orthonormalColumns(10, 4, new SplittableRandom(5));
        DoubleMatrix2D gram = MatrixOps.multTransA(q, q);
        assertThat(MatrixOps.distance(gram, MatrixOps.scaledIdentity(4, 4, 1))).isLessThan(TOLERANCE);
    }
}
