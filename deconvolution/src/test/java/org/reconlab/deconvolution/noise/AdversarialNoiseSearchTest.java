package org.reconlab.deconvolution.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.deconvolution.measurement.LiftedConvolutionMeasurement;
import org.reconlab.deconvolution.measurement.LiftedConvolutionOperator;
import org.reconlab.deconvolution.measurement.SubspaceBasis;
import org.reconlab.deconvolution.problem.BlindDeconvolutionProblem;

class AdversarialNoiseSearchTest {

    private static final int L = 32;
    private static final int K = 5;
    private static final int N = 5;

    private final AdversarialNoiseSearch search = new AdversarialNoiseSearch(3, 4, 0, 4, 500, 1e-8);

    private static LiftedConvolutionOperator operator(long seed) {
        return new LiftedConvolutionMeasurement(L, K, N, SubspaceBasis.IDENTITY, LiftedConvolutionMeasurement.Noise.NONE, 0,
                AdversarialNoiseSearch.defaults()).drawOperator(new SplittableRandom(seed));
    }

    @Test
    void hurtsRecoveryMoreThanRandomNoiseOfTheSameNorm() {
        // Over a few instances, the searched noise's error beats the mean error of random noise by a clear margin.
        for (long seed = 1; seed <= 3; seed++) {
            GroundTruth truth = new BlindDeconvolutionProblem(K, N).draw(new SplittableRandom(seed));
            LiftedConvolutionOperator a = operator(seed + 100);
            DoubleMatrix1D clean = a.apply(truth.signal());
            double tau = 0.01 * MatrixOps.norm(clean);

            DoubleMatrix1D adversarial = search.noise(a, truth.signal(), clean, tau, new SplittableRandom(seed + 200));
            double adversarialError = error(a, truth.signal(), clean, adversarial);
            double randomError = 0;
            int draws = 4;
            for (int i = 0; i < draws; i++) {
                DoubleMatrix1D e = LiftedConvolutionMeasurement.randomDirection(L, tau, new SplittableRandom(seed * 10 + i));
                randomError += error(a, truth.signal(), clean, e) / draws;
            }

            assertThat(MatrixOps.norm(adversarial)).isCloseTo(tau, within(1e-12 * tau));
            assertThat(adversarialError).as("seed %d", seed).isGreaterThan(1.5 * randomError);
        }
    }

    @Test
    void isReproducibleFromItsStreamAndZeroForZeroNorm() {
        GroundTruth truth = new BlindDeconvolutionProblem(K, N).draw(new SplittableRandom(4));
        LiftedConvolutionOperator a = operator(5);
        DoubleMatrix1D clean = a.apply(truth.signal());
        AdversarialNoiseSearch quick = new AdversarialNoiseSearch(1, 1, 2, 1, 50, 1e-6);

        DoubleMatrix1D first = quick.noise(a, truth.signal(), clean, 0.05, new SplittableRandom(6));
        DoubleMatrix1D second = quick.noise(a, truth.signal(), clean, 0.05, new SplittableRandom(6));

        assertThat(first.toArray()).containsExactly(second.toArray());
        assertThat(quick.noise(a, truth.signal(), clean, 0, new SplittableRandom(6)).zSum()).isZero();
    }

    @Test
    void polishingNeverLowersTheErrorOfTheBestNoiseFound() {
        GroundTruth truth = new BlindDeconvolutionProblem(K, N).draw(new SplittableRandom(7));
        LiftedConvolutionOperator a = operator(8);
        DoubleMatrix1D clean = a.apply(truth.signal());
        double tau = 0.01 * MatrixOps.norm(clean);
        AdversarialNoiseSearch unpolished = new AdversarialNoiseSearch(2, 2, 0, 2, 300, 1e-8);
        AdversarialNoiseSearch polished = new AdversarialNoiseSearch(2, 2, 6, 2, 300, 1e-8);

        // The same stream gives the same starts; polishing only keeps perturbations that raise the error.
        double before = error(a, truth.signal(), clean, unpolished.noise(a, truth.signal(), clean, tau, new SplittableRandom(9)));
        double after = error(a, truth.signal(), clean, polished.noise(a, truth.signal(), clean, tau, new SplittableRandom(9)));

        assertThat(after).isGreaterThanOrEqualTo(before * (1 - 1e-4));
    }

    private double error(LiftedConvolutionOperator a, DoubleMatrix2D truth, DoubleMatrix1D clean, DoubleMatrix1D e) {
        return MatrixOps.relativeError(search.recover(a, truth, clean, e, new SplittableRandom(0)), truth);
    }
}
