package org.reconlab.sketching.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;

class ComplexMatrixTest {

    @Test
    void productMatchesEntrywiseComplexArithmetic() {
        // (1 + 2i)(3 - i) = 5 + 5i
        ComplexMatrix a = scalar(1, 2);
        ComplexMatrix b = scalar(3, -1);
        ComplexMatrix c = a.mult(b);
        assertThat(c.re().getQuick(0, 0)).isEqualTo(5);
        assertThat(c.im().getQuick(0, 0)).isEqualTo(5);
    }

    @Test
    void realificationIsMultiplicative() {
        SplittableRandom random = new SplittableRandom(1);
        ComplexMatrix a = random(4, 3, random);
        ComplexMatrix b = random(3, 5, random);
        assertThat(MatrixOps.distance(a.mult(b).realify(), MatrixOps.mult(a.realify(), b.realify()))).isLessThan(1e-12);
    }

    @Test
    void pseudoInverseTimesSolvesConsistentSystemsAndLeastSquares() {
        SplittableRandom random = new SplittableRandom(2);
        ComplexMatrix a = random(7, 3, random);
        ComplexMatrix x = random(3, 2, random);
        ComplexMatrix b = a.mult(x);
        ComplexMatrix solved = a.pseudoInverseTimes(b);
        assertThat(MatrixOps.distance(solved.re(), x.re())).isLessThan(1e-10);
        assertThat(MatrixOps.distance(solved.im(), x.im())).isLessThan(1e-10);
    }

    @Test
    void singularValuesOfADiagonalComplexMatrixAreTheModuli() {
        ComplexMatrix a = ComplexMatrix.zeros(2, 2);
        a.re().setQuick(0, 0, 3);
        a.im().setQuick(0, 0, 4);
        a.im().setQuick(1, 1, -2);
        assertThat(a.singularValues()).containsExactly(new double[] {5, 2}, within(1e-12));
    }

    private static ComplexMatrix scalar(double re, double im) {
        ComplexMatrix out = ComplexMatrix.zeros(1, 1);
        out.re().setQuick(0, 0, re);
        out.im().setQuick(0, 0, im);
        return out;
    }

    private static ComplexMatrix random(int rows, int columns, SplittableRandom random) {
        DoubleMatrix2D re = RandomMatrices.gaussian(rows, columns, 1, random);
        return new ComplexMatrix(re, RandomMatrices.gaussian(rows, columns, 1, random));
    }
}
