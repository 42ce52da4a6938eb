package org.reconlab.sketching.reconstruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;

class PseudoInverseTest {

    private static final double EXACT = 1e-10;

    @ParameterizedTest
    @CsvSource({"8, 5, 5", "5, 8, 5", "9, 7, 3", "6, 10, 2"})
    void satisfiesTheFourMoorePenroseConditions(int rows, int columns, int rank) {
        SplittableRandom random = new SplittableRandom(rows * 100 + columns * 10 + rank);
        DoubleMatrix2D a = MatrixOps.mult(RandomMatrices.gaussian(rows, rank, 1, random),
                RandomMatrices.gaussian(rank, columns, 1, random));
        DoubleMatrix2D p = PseudoInverse.of(a);
        assertThat(p.rows()).isEqualTo(columns);
        assertThat(p.columns()).isEqualTo(rows);
        DoubleMatrix2D ap = MatrixOps.mult(a, p);
        DoubleMatrix2D pa = MatrixOps.mult(p, a);
        assertThat(MatrixOps.distance(MatrixOps.mult(ap, a), a)).isLessThan(EXACT * MatrixOps.frobeniusNorm(a));
        assertThat(MatrixOps.distance(MatrixOps.mult(pa, p), p)).isLessThan(EXACT * MatrixOps.frobeniusNorm(p));
        assertThat(MatrixOps.distance(ap, ap.viewDice().copy())).isLessThan(EXACT);
        assertThat(MatrixOps.distance(pa, pa.viewDice().copy())).isLessThan(EXACT);
    }

    @Test
    void solveEqualsPseudoInverseTimesB() {
        SplittableRandom random = new SplittableRandom(1);
        DoubleMatrix2D a = RandomMatrices.gaussian(7, 4, 1, random);
        DoubleMatrix2D b = RandomMatrices.gaussian(7, 3, 1, random);
        DoubleMatrix2D expected = MatrixOps.mult(PseudoInverse.of(a), b);
        assertThat(MatrixOps.distance(PseudoInverse.solve(a, b), expected)).isLessThan(EXACT);
        // Full column rank: a^+ a = I.
        assertThat(MatrixOps.distance(MatrixOps.mult(PseudoInverse.of(a), a), MatrixOps.scaledIdentity(4, 4, 1)))
                .isLessThan(EXACT);
    }

    @Test
    void zeroMatrixHasZeroPseudoInverseAndNanGivesNan() {
        DoubleMatrix2D zero = new cern.colt.matrix.impl.DenseDoubleMatrix2D(3, 2);
        assertThat(MatrixOps.frobeniusNorm(PseudoInverse.of(zero))).isZero();
        DoubleMatrix2D bad = RandomMatrices.gaussian(3, 2, 1, new SplittableRandom(2));
        bad.setQuick(1, 1, Double.NaN);
        for (double[] row : PseudoInverse.of(bad).toArray()) {
            assertThat(row).containsOnly(Double.NaN);
        }
        assertThatThrownBy(() -> PseudoInverse.solve(bad, new cern.colt.matrix.impl.DenseDoubleMatrix2D(4, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 x 2");
    }
}
