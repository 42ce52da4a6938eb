package org.reconlab.sketching.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.sketching.optim.TensorDoubleSketch;
import org.reconlab.sketching.problem.LowTubalRankProblem;

class TensorDoubleSketchTest {

    @ParameterizedTest(name = "{0}x{1}x{2} tubal rank {3}, k={4}, l={5}")
    @CsvSource({"12, 10, 5, 2, 2, 5", "12, 10, 6, 2, 4, 9", "9, 14, 1, 3, 3, 3", "20, 8, 8, 3, 5, 11"})
    void noiselessSketchesOfALowTubalRankTensorGiveItBackExactly(int n1, int n2, int n3, int rank, int k, int l) {
        SplittableRandom random = new SplittableRandom(n1 + 100L * n3 + k);
        GroundTruth truth = new LowTubalRankProblem(n1, n2, n3, rank, 0, true).draw(random);
        Tensor3 x = Tensor3.of(truth.signal(), truth.shape());
        Tensor3 omega = Tensor3.gaussian(n2, k, n3, 1, random);
        Tensor3 psi = Tensor3.gaussian(l, n1, n3, 1, random);
        Tensor3 estimate = TensorDoubleSketch.reconstruct(TProduct.multiply(x, omega), TProduct.multiply(psi, x), psi);
        assertThat(MatrixOps.relativeError(estimate.unfolding(), x.unfolding())).isLessThan(1e-10);
    }

    @Test
    void lowTubalRankTensorsHaveLowRankFourierSlicesButNotALowRankUnfolding() {
        GroundTruth truth = new LowTubalRankProblem(10, 12, 4, 2, 0, true).draw(new SplittableRandom(3));
        assertThat(MatrixOps.frobeniusNorm(truth.signal())).isCloseTo(1, within(1e-12));
        assertThat(TubalSpectra.tailEnergy(truth.signal(), truth.shape(), 2)).isLessThan(1e-25);
        // Parseval: with r = 0 the tail is everything.
        assertThat(TubalSpectra.tailEnergy(truth.signal(), truth.shape(), 0)).isCloseTo(1, within(1e-12));
        double[] unfolding = org.reconlab.core.linalg.Decompositions.singularValues(truth.signal());
        assertThat(unfolding[2 * 4 - 1]).isGreaterThan(1e-6);
    }

    /** Without normalization {@code E||A * B||_F^2 = n1 n2 n3^2 r}: each entry sums r n3 products of unit variance. */
    @Test
    void unnormalizedTruthHasTheNormOfTheTProductOfGaussians() {
        int n1 = 30;
        int n2 = 20;
        int n3 = 6;
        int rank = 4;
        double mean = 0;
        int draws = 20;
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < draws; i++) {
            GroundTruth truth = new LowTubalRankProblem(n1, n2, n3, rank, 0, false).draw(random);
            mean += Math.pow(MatrixOps.frobeniusNorm(truth.signal()), 2) / draws;
        }
        assertThat(mean / ((double) n1 * n2 * n3 * n3 * rank)).isCloseTo(1, within(0.1));
    }
}
