package org.reconlab.core.operator;

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
import org.reconlab.core.spi.Shape;

class RowSubsetOperatorTest {

    /** {@code x -> A x} on vectors of length 4, A 9 x 4 Gaussian: an operator with no restriction kernel of its own. */
    private static LinearOperator plainOperator() {
        DoubleMatrix2D a = RandomMatrices.gaussian(9, 4, 1.0, new SplittableRandom(2));
        return new LinearOperator() {
            @Override
            public Shape domain() {
                return Shape.vector(4);
            }

            @Override
            public int rangeSize() {
                return 9;
            }

            @Override
            public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
                a.zMult(x.viewColumn(0), out);
            }

            @Override
            public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
                a.zMult(y, out.viewColumn(0), 1, 0, true);
            }
        };
    }

    @Test
    void appliesTheChosenRowsInOrderAndKeepsTheAdjointIdentity() {
        LinearOperator full = plainOperator();
        int[] rows = {7, 2, 2, 0};
        LinearOperator subset = RowSubsetOperator.restrict(full, rows);
        assertThat(subset).isInstanceOf(RowSubsetOperator.class);
        assertThat(subset.rangeSize()).isEqualTo(4);
        assertThat(subset.domain()).isEqualTo(Shape.vector(4));
        DoubleMatrix2D x = RandomMatrices.gaussian(4, 1, 1.0, new SplittableRandom(3));
        DoubleMatrix1D all = full.apply(x);
        DoubleMatrix1D some = subset.apply(x);
        for (int t = 0; t < rows.length; t++) {
            assertThat(some.getQuick(t)).isEqualTo(all.getQuick(rows[t]));
        }
        // A repeated row counts twice in the adjoint: <S A x, z> = <x, A* S^T z>.
        DoubleMatrix1D z = RandomMatrices.gaussianVector(4, 1.0, new SplittableRandom(4));
        double left = MatrixOps.inner(some, z);
        double right = MatrixOps.inner(x, subset.adjoint(z));
        assertThat(left).isCloseTo(right, within(1e-12 * (1 + Math.abs(left))));
    }

    @Test
    void packedSymmetricOperatorRestrictsToCopiesOfItsRows() {
        int d = 4;
        double[] dense = new double[6 * d * d];
        SplittableRandom random = new SplittableRandom(5);
        for (int p = 0; p < dense.length; p++) {
            dense[p] = random.nextGaussian();
        }
        PackedSymmetricOperator full = PackedSymmetricOperator.fromDense(d, 6, dense);
        LinearOperator rows = RowSubsetOperator.restrict(full, new int[] {5, 1});
        assertThat(rows).isInstanceOf(PackedSymmetricOperator.class);
        DoubleMatrix2D x = MatrixOps.symmetricPart(RandomMatrices.gaussian(d, d, 1.0, new SplittableRandom(6)));
        DoubleMatrix1D all = full.apply(x);
        assertThat(rows.apply(x).toArray()).containsExactly(all.getQuick(5), all.getQuick(1));
        assertThatThrownBy(() -> full.restrict(new int[] {6})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 6 is outside [0, 6)");
    }

    @Test
    void rejectsRowsOutsideTheRangeAndVectorsOfTheWrongLength() {
        LinearOperator full = plainOperator();
        assertThatThrownBy(() -> RowSubsetOperator.restrict(full, new int[] {3, 9}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 9 is outside [0, 9)");
        LinearOperator one = RowSubsetOperator.restrict(full, new int[] {0});
        assertThatThrownBy(() -> one.adjoint(new DenseDoubleMatrix1D(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length 2");
    }
}
