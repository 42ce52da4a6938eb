package org.reconlab.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;

class MatrixKernelsTest {

    @Test
    void smallIntegerProductsAreExact() {
        double[][] a = {{1, 2}, {3, 4}, {5, 6}};
        double[][] b = {{1, 0, -1}, {2, 1, 0}};
        double[][] c = new double[3][3];
        MatrixKernels.mult(a, b, c, 1);
        assertThat(c).isDeepEqualTo(new double[][] {{5, 2, -1}, {11, 4, -3}, {17, 6, -5}});
        double[][] ata = new double[2][2];
        MatrixKernels.multTransA(a, a, ata, 1);
        assertThat(ata).isDeepEqualTo(new double[][] {{35, 44}, {44, 56}});
        double[][] aat = new double[3][3];
        MatrixKernels.multTransB(a, a, aat, 1);
        assertThat(aat).isDeepEqualTo(new double[][] {{5, 11, 17}, {11, 25, 39}, {17, 39, 61}});
    }

    @Test
    void largeProductsAgreeWithColtAndDoNotDependOnTheThreadCount() {
        SplittableRandom random = new SplittableRandom(1);
        DoubleMatrix2D a = RandomMatrices.gaussian(150, 90, 1.0, random);
        DoubleMatrix2D b = RandomMatrices.gaussian(90, 130, 1.0, random);
        double[][] one = new double[150][130];
        MatrixKernels.mult(a.toArray(), b.toArray(), one, 1);
        DoubleMatrix2D colt = a.zMult(b, null);
        assertThat(MatrixOps.distance(new DenseDoubleMatrix2D(one), colt)).isLessThan(1e-12 * MatrixOps.frobeniusNorm(colt));
        for (int threads : new int[] {2, 3, 16}) {
            double[][] many = new double[150][130];
            MatrixKernels.mult(a.toArray(), b.toArray(), many, threads);
            assertThat(many).as("%d threads", threads).isDeepEqualTo(one);
        }
    }

    @Test
    void matrixOpsUsesTheKernelsForLargeProductsWithTheSameResults() {
        SplittableRandom random = new SplittableRandom(2);
        DoubleMatrix2D u = RandomMatrices.gaussian(100, 80, 1.0, random);
        assertThat(100L * 80 * 100).isGreaterThanOrEqualTo(MatrixOps.KERNEL_MIN_PRODUCTS);
        DoubleMatrix2D uut = MatrixOps.multTransB(u, u);
        DoubleMatrix2D utu = MatrixOps.multTransA(u, u);
        DoubleMatrix2D g = MatrixOps.mult(uut, u);
        assertThat(MatrixOps.distance(uut, u.zMult(u, null, 1, 0, false, true))).isLessThan(1e-10);
        assertThat(MatrixOps.distance(utu, u.zMult(u, null, 1, 0, true, false))).isLessThan(1e-10);
        assertThat(MatrixOps.distance(g, uut.zMult(u, null))).isLessThan(1e-8);
        // U U^T is exactly symmetric: entry (i, j) and (j, i) sum the same products in the same order
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 100; j++) {
                assertThat(uut.getQuick(i, j)).isEqualTo(uut.getQuick(j, i));
            }
        }
        assertThatThrownBy(() -> MatrixOps.mult(u, u)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsMismatchedShapesAndAliasedOutput() {
        double[][] a = new double[2][3];
        assertThatThrownBy(() -> MatrixKernels.mult(a, new double[2][2], new double[2][2], 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a row 0 has 3 entries, expected 2");
        double[][] square = new double[2][2];
        assertThatThrownBy(() -> MatrixKernels.mult(square, new double[2][2], square, 1))
                .hasMessageContaining("must not be an input");
    }
}
