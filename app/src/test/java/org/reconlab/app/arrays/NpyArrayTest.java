package org.reconlab.app.arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import org.junit.jupiter.api.Test;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Shape;

class NpyArrayTest {

    /** T[i, j, k] = 100 i + 10 j + k, held as its mode-1 unfolding U[i, k n2 + j]. */
    private static DoubleMatrix2D unfolding(int n1, int n2, int n3) {
        DoubleMatrix2D u = new DenseDoubleMatrix2D(n1, n2 * n3);
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n2; j++) {
                for (int k = 0; k < n3; k++) {
                    u.setQuick(i, k * n2 + j, 100 * i + 10 * j + k);
                }
            }
        }
        return u;
    }

    @Test
    void aTensorBecomesThe3dArrayInCOrderAndBack() {
        Shape shape = Shape.tensor(2, 3, 4);
        NpyArray array = NpyArray.signal(shape, unfolding(2, 3, 4));
        assertThat(array.shape()).containsExactly(2, 3, 4);
        int k = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int l = 0; l < 4; l++) {
                    assertThat(array.get(k++)).isEqualTo(100 * i + 10 * j + l);
                }
            }
        }
        GroundTruth back = array.toTruth(Shape.Kind.TENSOR);
        assertThat(back.shape()).isEqualTo(shape);
        assertThat(back.signal().toArray()).isEqualTo(unfolding(2, 3, 4).toArray());
    }

    @Test
    void vectorsAreOneDimensionalAndMatricesTwo() {
        DoubleMatrix2D column = new DenseDoubleMatrix2D(new double[][] {{1}, {2}, {3}});
        NpyArray vector = NpyArray.signal(Shape.vector(3), column);
        assertThat(vector.describe()).isEqualTo("(3,)");
        assertThat(vector.toTruth(Shape.Kind.VECTOR).signal().toArray()).isEqualTo(column.toArray());
        assertThat(NpyArray.matrix(column).toTruth(Shape.Kind.VECTOR).shape()).isEqualTo(Shape.vector(3));

        DoubleMatrix2D symmetric = new DenseDoubleMatrix2D(new double[][] {{1, 2}, {2, 5}});
        assertThat(NpyArray.signal(Shape.symmetric(2), symmetric).toTruth(Shape.Kind.SYMMETRIC_MATRIX).shape())
                .isEqualTo(Shape.symmetric(2));
        DoubleMatrix2D general = new DenseDoubleMatrix2D(new double[][] {{1, 2}, {2.0000001, 5}});
        assertThatThrownBy(() -> NpyArray.matrix(general).toTruth(Shape.Kind.SYMMETRIC_MATRIX))
                .hasMessageContaining("not symmetric");
        assertThatThrownBy(() -> vector.toTruth(Shape.Kind.MATRIX)).hasMessageContaining("a matrix needs a 2-D array,"
                + " the file has (3,)");
    }

    @Test
    void aTensorOperatorIsReorderedSoThatItActsOnTheRaveled3dArray() {
        int n1 = 2;
        int n2 = 3;
        int n3 = 2;
        int size = n1 * n2 * n3;
        // Row r of the dense operator (unfolding order) picks unfolded entry r, so A @ vec(U) = vec(U).
        DoubleMatrix2D dense = new DenseDoubleMatrix2D(size, size);
        for (int r = 0; r < size; r++) {
            dense.setQuick(r, r, 1);
        }
        NpyArray operator = NpyArray.operator(Shape.tensor(n1, n2, n3), dense);
        NpyArray tensor = NpyArray.signal(Shape.tensor(n1, n2, n3), unfolding(n1, n2, n3));
        DoubleMatrix2D u = unfolding(n1, n2, n3);
        for (int r = 0; r < size; r++) {
            double sum = 0;
            for (int c = 0; c < size; c++) {
                sum += operator.get((long) r * size + c) * tensor.get(c);
            }
            assertThat(sum).isEqualTo(u.getQuick(r / (n2 * n3), r % (n2 * n3)));
        }
        DoubleMatrix1D y = new DenseDoubleMatrix1D(new double[] {4, 5});
        assertThat(NpyArray.vector(y).toArray()).containsExactly(4, 5);
        assertThatThrownBy(() -> NpyArray.operator(Shape.vector(3), new DenseDoubleMatrix2D(2, 4)))
                .hasMessageContaining("operator has 4 columns, its domain vector of length 3 has 3 entries");
    }
}
