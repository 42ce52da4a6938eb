package org.reconlab.deconvolution.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.contract.FiniteDifferences;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Observations;
import org.reconlab.deconvolution.measurement.LiftedConvolutionMeasurement;
import org.reconlab.deconvolution.measurement.SubspaceBasis;
import org.reconlab.deconvolution.noise.AdversarialNoiseSearch;
import org.reconlab.deconvolution.problem.BlindDeconvolutionProblem;

class RankOneFactorsModelTest {

    private static Observations observations(long seed) {
        GroundTruth truth = new BlindDeconvolutionProblem(4, 3).draw(new SplittableRandom(seed));
        return new LiftedConvolutionMeasurement(20, 4, 3, SubspaceBasis.IDENTITY, LiftedConvolutionMeasurement.Noise.RANDOM,
                0.1, AdversarialNoiseSearch.defaults()).observe(truth, new SplittableRandom(seed + 1));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        RankOneFactorsModel model = new RankOneFactorsModel(4, 3, RankOneFactorsModel.Init.RANDOM, 1);
        Observations observations = observations(1);
        Blocks at = model.initialize(Optional.of(observations), new SplittableRandom(2));
        assertThat(FiniteDifferences.relativeGradientError(model.objective(observations), at, 1e-6)).isLessThan(1e-6);
    }

    @Test
    void spectralStartSplitsTheTopSingularPairOfTheBackProjectionEvenly() {
        RankOneFactorsModel model = new RankOneFactorsModel(4, 3, RankOneFactorsModel.Init.SPECTRAL, 1);
        Observations observations = observations(3);
        Blocks start = model.initialize(Optional.of(observations), new SplittableRandom(4));
        DoubleMatrix2D backProjection = observations.operator().adjoint(observations.values());
        Decompositions.Svd svd = Decompositions.svd(backProjection);

        assertThat(MatrixOps.distance(model.signal(start), svd.reconstruct(1, s -> s))).isLessThan(1e-12);
        assertThat(MatrixOps.frobeniusNorm(start.get("h"))).isCloseTo(MatrixOps.frobeniusNorm(start.get("m")), within(1e-12));
    }

    @Test
    void randomStartHasTheConfiguredScale() {
        Blocks start = new RankOneFactorsModel(5, 6, RankOneFactorsModel.Init.RANDOM, 0.25)
                .initialize(Optional.empty(), new SplittableRandom(5));
        assertThat(MatrixOps.frobeniusNorm(start.get("h"))).isCloseTo(0.5, within(1e-12));
        assertThat(MatrixOps.frobeniusNorm(start.get("m"))).isCloseTo(0.5, within(1e-12));
        assertThat(start.get("h").rows()).isEqualTo(5);
        assertThat(start.get("m").rows()).isEqualTo(6);
    }
}
