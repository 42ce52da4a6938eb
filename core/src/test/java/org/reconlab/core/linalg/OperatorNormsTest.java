package org.reconlab.core.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Shape;

class OperatorNormsTest {

    /** A(X) = (w_ij X_ij) over the entries of a 3 x 2 matrix: singular values |w_ij|. */
    private static LinearOperator entrywise(double[][] weights) {
        return new LinearOperator() {
            @Override
            public Shape domain() {
                return Shape.matrix(3, 2);
            }

            @Override
            public int rangeSize() {
                return 6;
            }

            @Override
            public void apply(DoubleMatrix2D x, DoubleMatrix1D out) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 2; j++) {
                        out.setQuick(2 * i + j, weights[i][j] * x.getQuick(i, j));
                    }
                }
            }

            @Override
            public void adjoint(DoubleMatrix1D y, DoubleMatrix2D out) {
                for (int i = 0; i < 3; i++) {
                    for (int j = 0; j < 2; j++) {
                        out.setQuick(i, j, weights[i][j] * y.getQuick(2 * i + j));
                    }
                }
            }
        };
    }

    @Test
    void findsTheLargestSquaredSingularValue() {
        LinearOperator a = entrywise(new double[][] {{0.5, -3}, {1, 2}, {0, 0.1}});
        assertThat(OperatorNorms.squaredNormEstimate(a, 200, new SplittableRandom(1))).isCloseTo(9, within(1e-7));
    }

    @Test
    void neverExceedsTheTrueNormAndIsZeroForTheZeroOperator() {
        LinearOperator a = entrywise(new double[][] {{1, 0.99}, {0.98, 0.5}, {0, 0}});
        double estimate = OperatorNorms.squaredNormEstimate(a, 3, new SplittableRandom(2));
        assertThat(estimate).isLessThanOrEqualTo(1).isGreaterThan(0.25);
        assertThat(OperatorNorms.squaredNormEstimate(entrywise(new double[3][2]), 5, new SplittableRandom(3))).isZero();
    }
}
