package org.reconlab.sketching.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.problem.LowRankProblem;
import org.reconlab.core.problem.Spectrum;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.sketching.reconstruction.SketchReconstructions;
import org.reconlab.sketching.testmatrix.TestMatrix;
import org.reconlab.sketching.testmatrix.TestMatrixKind;

class SketchErrorBoundTest {

    @Test
    void handComputedValue() {
        // s = (2, 1, 0.5), k = 3, l = 6, ||E1|| = 0.3, ||E2|| = 0.4:
        //   rho = 0: (2/2) (4 + 1 + 0.25)            = 5.25
        //   rho = 1: (2/1) (1 + 0.25) + 1/(3 * 1) 0.09 = 2.53   <- the minimum
        //   B = (5/2) 2.53 + 3/(6 * 2) 0.16 = 6.325 + 0.04 = 6.365
        assertThat(SketchErrorBoundMetric.expectedSquaredError(new double[] {2, 1, 0.5}, 3, 6, 0.3, 0.4))
                .isCloseTo(6.365, within(1e-12));
    }

    @Test
    void isInfiniteWhereTheTheoremDoesNotApplyAndZeroForExactLowRank() {
        double[] s = {1, 1, 0, 0};
        assertThat(SketchErrorBoundMetric.expectedSquaredError(s, 4, 5, 0, 0)).isInfinite();
        assertThat(SketchErrorBoundMetric.expectedSquaredError(s, 1, 9, 0, 0)).isInfinite();
        assertThat(SketchErrorBoundMetric.expectedSquaredError(s, 4, 6, 0, 0)).isZero();
    }

    /**
     * Monte Carlo over Gaussian test matrices and noise directions: the mean squared error of the orthonormalized
     * double sketch stays below B, and B is not vacuous (within a factor 2.5 when {@code k >= r + 2}; at
     * {@code k = r + 1} the minimum over rho cannot reach r and B is looser). {@code l >= k + 4} keeps the variance
     * of {@code ||(Psi Q)^+||} finite, so 600 draws estimate the mean to a few percent.
     */
    @ParameterizedTest(name = "k={0} l={1} e1={2} e2={3} {4} tail")
    @CsvSource({"5, 11, 0, 0, FLAT", "5, 11, 0.3, 0.3, POLYNOMIAL", "8, 17, 1, 1, FLAT", "8, 17, 0, 0.5, POLYNOMIAL",
            "6, 14, 0.5, 0, EXPONENTIAL"})
    void meanSquaredErrorStaysBelowTheBound(int k, int l, double e1, double e2, Spectrum.Tail tail) {
        LowRankProblem problem = new LowRankProblem(40, 30, Spectrum.of(3, 3, Spectrum.Spacing.GEOMETRIC),
                Spectrum.tail(27, tail, 0.2, 0.5));
        SplittableRandom random = new SplittableRandom(k * 31L + l);
        GroundTruth truth = problem.draw(random);
        DoubleMatrix2D x = truth.signal();
        int trials = 600;
        double sum = 0;
        for (int trial = 0; trial < trials; trial++) {
            TestMatrix omega = TestMatrixKind.GAUSSIAN.draw(k, 30, random);
            TestMatrix psi = TestMatrixKind.GAUSSIAN.draw(l, 40, random);
            DoubleMatrix2D y = omega.applyToRows(x).assign(noise(40, k, e1, random), cern.jet.math.Functions.plus);
            DoubleMatrix2D w = psi.apply(x).assign(noise(l, 30, e2, random), cern.jet.math.Functions.plus);
            double error = MatrixOps.distance(SketchReconstructions.orthonormalDoubleSketch(y, w, psi).product(), x);
            sum += error * error;
        }
        double bound = SketchErrorBoundMetric.expectedSquaredError(Spectra.matrixSingularValues(truth), k, l, e1, e2);
        assertThat(sum / trials).isLessThan(bound).isGreaterThan(bound / 2.5);
    }

    private static DoubleMatrix2D noise(int rows, int columns, double norm, SplittableRandom random) {
        DoubleMatrix2D g = RandomMatrices.gaussian(rows, columns, 1, random);
        return g.assign(cern.jet.math.Functions.mult(norm / MatrixOps.frobeniusNorm(g)));
    }
}
