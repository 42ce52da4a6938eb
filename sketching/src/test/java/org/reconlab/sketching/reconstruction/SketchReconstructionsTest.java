package org.reconlab.sketching.reconstruction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.sketching.testmatrix.TestMatrix;
import org.reconlab.sketching.testmatrix.TestMatrixKind;

class SketchReconstructionsTest {

    /** The bar for exact recovery from noiseless sketches. */
    private static final double EXACT_RECOVERY = 1e-10;

    static Stream<Arguments> exactCases() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (TestMatrixKind kind : TestMatrixKind.values()) {
            // n1, n2, rank, k, l: k = rank (full-rank Y), k > rank (rank-deficient Y), wide and tall, l = k.
            cases.add(Arguments.of(kind, 40, 30, 5, 5, 11));
            cases.add(Arguments.of(kind, 40, 30, 5, 12, 25));
            cases.add(Arguments.of(kind, 25, 60, 3, 7, 7));
            cases.add(Arguments.of(kind, 60, 25, 8, 10, 21));
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0} {1}x{2} rank {3} k={4} l={5}")
    @MethodSource("exactCases")
    void noiselessSketchesOfALowRankMatrixGiveItBackExactly(TestMatrixKind kind, int n1, int n2, int rank, int k, int l) {
        SplittableRandom random = new SplittableRandom(n1 * 1000L + n2 * 10L + k + kind.ordinal());
        DoubleMatrix2D x = lowRank(n1, n2, rank, random);
        TestMatrix omega = kind.draw(k, n2, random);
        TestMatrix psi = kind.draw(l, n1, random);
        DoubleMatrix2D y = omega.applyToRows(x);
        DoubleMatrix2D w = psi.apply(x);
        assertThat(MatrixOps.relativeError(SketchReconstructions.doubleSketch(y, w, psi).product(), x))
                .isLessThan(EXACT_RECOVERY);
        assertThat(MatrixOps.relativeError(SketchReconstructions.orthonormalDoubleSketch(y, w, psi).product(), x))
                .isLessThan(EXACT_RECOVERY);
        assertThat(MatrixOps.relativeError(SketchReconstructions.randomizedSvd(y, x).product(), x))
                .isLessThan(EXACT_RECOVERY);
    }

    @Test
    void bothDoubleSketchFormulasAgreeWhenTheRangeSketchHasFullRank() {
        SplittableRandom random = new SplittableRandom(3);
        DoubleMatrix2D x = RandomMatrices.gaussian(30, 20, 1, random);
        TestMatrix omega = TestMatrixKind.GAUSSIAN.draw(6, 20, random);
        TestMatrix psi = TestMatrixKind.GAUSSIAN.draw(13, 30, random);
        DoubleMatrix2D y = omega.applyToRows(x);
        DoubleMatrix2D w = psi.apply(x);
        DoubleMatrix2D plain = SketchReconstructions.doubleSketch(y, w, psi).product();
        DoubleMatrix2D orthonormal = SketchReconstructions.orthonormalDoubleSketch(y, w, psi).product();
        assertThat(MatrixOps.relativeError(plain, orthonormal)).isLessThan(1e-10);
        // A full-rank X is not recovered: the error is at least the best rank-k error.
        double bestRankK = Math.sqrt(tail(Decompositions.singularValues(x), 6));
        assertThat(MatrixOps.distance(plain, x)).isGreaterThanOrEqualTo(bestRankK);
    }

    @Test
    void coRangeNoiseCostsExactlyItsPredictedMeanSquare() {
        // rank X = k and E1 = 0: (I - QQ^T) X = 0, so X - X_hat = -Q (Psi Q)^+ E2 and
        // E ||X - X_hat||^2 = k / (l (l - k - 1)) ||E2||^2 for Gaussian Psi (SketchErrorBoundMetric, step 1).
        int n1 = 30;
        int n2 = 25;
        int k = 4;
        int l = 12;
        double e2 = 0.5;
        int trials = 2000;
        SplittableRandom random = new SplittableRandom(4);
        DoubleMatrix2D x = lowRank(n1, n2, k, random);
        double sum = 0;
        for (int trial = 0; trial < trials; trial++) {
            TestMatrix omega = TestMatrixKind.GAUSSIAN.draw(k, n2, random);
            TestMatrix psi = TestMatrixKind.GAUSSIAN.draw(l, n1, random);
            DoubleMatrix2D noise = RandomMatrices.gaussian(l, n2, 1, random);
            noise.assign(cern.jet.math.Functions.mult(e2 / MatrixOps.frobeniusNorm(noise)));
            DoubleMatrix2D w = psi.apply(x).assign(noise, cern.jet.math.Functions.plus);
            DoubleMatrix2D estimate = SketchReconstructions.orthonormalDoubleSketch(omega.applyToRows(x), w, psi).product();
            double error = MatrixOps.distance(estimate, x);
            sum += error * error;
        }
        double predicted = k / ((double) l * (l - k - 1)) * e2 * e2;
        // ||G^+||_F^2 of a 12 x 4 Gaussian has a relative standard deviation near 0.6; 2000 trials give about 1.5%.
        assertThat(sum / trials).isCloseTo(predicted, within(0.08 * predicted));
    }

    @Test
    void truncationGivesTheBestRankRApproximationOfTheProduct() {
        SplittableRandom random = new SplittableRandom(5);
        LowRankFactors factors = new LowRankFactors(RandomMatrices.gaussian(20, 6, 1, random),
                RandomMatrices.gaussian(6, 15, 1, random));
        DoubleMatrix2D product = factors.product();
        Decompositions.Svd svd = Decompositions.svd(product);
        DoubleMatrix2D best = svd.reconstruct(3, s -> s);
        LowRankFactors truncated = factors.truncate(3);
        assertThat(truncated.innerDimension()).isEqualTo(3);
        assertThat(MatrixOps.relativeError(truncated.product(), best)).isLessThan(1e-10);
        assertThat(factors.truncate(6)).isSameAs(factors);
    }

    static DoubleMatrix2D lowRank(int n1, int n2, int rank, SplittableRandom random) {
        return MatrixOps.mult(RandomMatrices.gaussian(n1, rank, 1, random), RandomMatrices.gaussian(rank, n2, 1, random));
    }

    static double tail(double[] s, int r) {
        double sum = 0;
        for (int j = r; j < s.length; j++) {
            sum += s[j] * s[j];
        }
        return sum;
    }
}
