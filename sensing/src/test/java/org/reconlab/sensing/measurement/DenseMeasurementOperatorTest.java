package org.reconlab.sensing.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.operator.RowSubsetOperator;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Shape;

class DenseMeasurementOperatorTest {

    private final DenseMeasurementOperator a = new GaussianMeasurement(Shape.matrix(4, 3), 15, 0)
            .drawOperator(new SplittableRandom(1));
    private final DoubleMatrix2D u = RandomMatrices.gaussian(4, 2, 1.0, new SplittableRandom(2));
    private final DoubleMatrix2D v = RandomMatrices.gaussian(3, 2, 1.0, new SplittableRandom(3));

    @Test
    void designMatricesReproduceTheOperatorAndMatchTheGenericConstruction() {
        DoubleMatrix1D expected = a.apply(MatrixOps.multTransB(u, v));
        DoubleMatrix2D left = a.leftDesign(v);
        DoubleMatrix2D right = a.rightDesign(u);
        assertThat(distance(left.zMult(vec(u), null), expected)).isLessThan(1e-12);
        assertThat(distance(right.zMult(vec(v), null), expected)).isLessThan(1e-12);
        // The same matrices from basis applies, as any operator without its own kernel would get them.
        LinearOperator plain = RowSubsetOperator.restrict(new RowSubsetOperator(a, all(15)), all(15));
        assertThat(MatrixOps.distance(DesignOperator.leftDesign(plain, v), left)).isLessThan(1e-12);
        assertThat(MatrixOps.distance(DesignOperator.rightDesign(plain, u), right)).isLessThan(1e-12);
    }

    @Test
    void restrictionCopiesTheChosenRows() {
        LinearOperator rows = a.restrict(new int[] {14, 3});
        assertThat(rows).isInstanceOf(DenseMeasurementOperator.class);
        DoubleMatrix2D x = RandomMatrices.gaussian(4, 3, 1.0, new SplittableRandom(4));
        DoubleMatrix1D full = a.apply(x);
        assertThat(rows.apply(x).toArray()).containsExactly(full.getQuick(14), full.getQuick(3));
    }

    @Test
    void exportsItsMatrixWithRowsThatReproduceTheOperator() {
        DoubleMatrix2D matrix = a.asDenseMatrix().orElseThrow();
        assertThat(matrix.rows()).isEqualTo(15);
        assertThat(matrix.columns()).isEqualTo(12);
        DoubleMatrix2D x = RandomMatrices.gaussian(4, 3, 1.0, new SplittableRandom(5));
        DoubleMatrix1D expected = a.apply(x);
        DoubleMatrix1D viaMatrix = matrix.zMult(vec(x), null);
        assertThat(distance(viaMatrix, expected)).isLessThan(1e-12);
        assertThat(new GaussianMeasurement(Shape.matrix(4, 3), 15, 0).estimatedBytes()).isEqualTo(8L * 15 * 12);
    }

    private static int[] all(int m) {
        int[] rows = new int[m];
        for (int i = 0; i < m; i++) {
            rows[i] = i;
        }
        return rows;
    }

    private static double distance(DoubleMatrix1D x, DoubleMatrix1D y) {
        double sum = 0;
        for (int i = 0; i < x.size(); i++) {
            sum += (x.getQuick(i) - y.getQuick(i)) * (x.getQuick(i) - y.getQuick(i));
        }
        return Math.sqrt(sum);
    }

    private static DoubleMatrix1D vec(DoubleMatrix2D f) {
        DoubleMatrix1D out = new cern.colt.matrix.impl.DenseDoubleMatrix1D(f.rows() * f.columns());
        for (int j = 0; j < f.rows(); j++) {
            for (int l = 0; l < f.columns(); l++) {
                out.setQuick(j * f.columns() + l, f.getQuick(j, l));
            }
        }
        return out;
    }
}
