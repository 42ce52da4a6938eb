package org.reconlab.sensing.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.contract.FiniteDifferences;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.problem.PsdLowRankProblem;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Objective;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Shape;
import org.reconlab.sensing.measurement.GaussianMeasurement;

class FactorizedSymmetricModelTest {

    private static Observations observe(int d, int m, long seed) {
        GroundTruth truth = new PsdLowRankProblem(d, new double[] {1.0, 0.5}).draw(new SplittableRandom(seed));
        return new GaussianMeasurement(Shape.matrix(d, d), m, 0.01).observe(truth, new SplittableRandom(seed + 1));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        FactorizedSymmetricModel model = new FactorizedSymmetricModel(6, 4, Initialization.SMALL_RANDOM, 1.0);
        Objective objective = model.objective(observe(6, 30, 1));
        Blocks at = Blocks.of(FactorizedSymmetricModel.U, RandomMatrices.gaussian(6, 4, 0.7, new SplittableRandom(2)));
        assertThat(FiniteDifferences.relativeGradientError(objective, at, 1e-5)).isLessThan(1e-7);
    }

    @Test
    void lossIsAQuarterOfTheSquaredResidual() {
        FactorizedSymmetricModel model = new FactorizedSymmetricModel(5, 5, Initialization.IDENTITY, 1.0);
        Observations observations = observe(5, 20, 3);
        Blocks u = Blocks.of(FactorizedSymmetricModel.U, RandomMatrices.gaussian(5, 5, 1.0, new SplittableRandom(4)));
        var residual = observations.operator().apply(model.signal(u));
        double squared = 0;
        for (int i = 0; i < residual.size(); i++) {
            double r = residual.getQuick(i) - observations.values().getQuick(i);
            squared += r * r;
        }
        assertThat(model.objective(observations).value(u)).isCloseTo(squared / 4, within(1e-12 * squared));
    }

    @Test
    void identityInitializationIsAlphaTimesTheIdentity() {
        FactorizedSymmetricModel model = new FactorizedSymmetricModel(4, 3, Initialization.IDENTITY, 0.01);
        DoubleMatrix2D u = model.initialize(Optional.empty(), new SplittableRandom(1)).get(FactorizedSymmetricModel.U);
        assertThat(u.toArray()).isDeepEqualTo(new double[][] {{0.01, 0, 0}, {0, 0.01, 0}, {0, 0, 0.01}, {0, 0, 0}});
    }

    @Test
    void smallRandomInitializationHasFrobeniusNormAboutAlphaSqrtD() {
        // ||alpha G / sqrt(k)||_F^2 = alpha^2 chi^2_{dk} / k, about alpha^2 d.
        FactorizedSymmetricModel model = new FactorizedSymmetricModel(200, 50, Initialization.SMALL_RANDOM, 1e-3);
        DoubleMatrix2D u = model.initialize(Optional.empty(), new SplittableRandom(5)).get(FactorizedSymmetricModel.U);
        assertThat(MatrixOps.frobeniusNorm(u)).isCloseTo(1e-3 * Math.sqrt(200), within(0.05 * 1e-3 * Math.sqrt(200)));
    }

    @Test
    void spectralInitializationIsTheBestRankKPsdApproximationOfTheBackprojection() {
        Observations observations = observe(8, 60, 6);
        FactorizedSymmetricModel model = new FactorizedSymmetricModel(8, 3, Initialization.SPECTRAL, 1.0);
        DoubleMatrix2D u = model.initialize(Optional.of(observations), new SplittableRandom(7)).get(FactorizedSymmetricModel.U);
        DoubleMatrix2D expected = Decompositions.projectPsdRank(
                observations.operator().adjoint(observations.values()), 3);
        assertThat(MatrixOps.distance(MatrixOps.multTransB(u, u), expected)).isLessThan(1e-12);
    }

    @Test
    void spectralInitializationIsCloseToTheTruthWithManyMeasurements() {
        GroundTruth truth = new PsdLowRankProblem(10, new double[] {1.0, 0.8}).draw(new SplittableRandom(8));
        Observations observations = new GaussianMeasurement(Shape.matrix(10, 10), 20_000, 0)
                .observe(truth, new SplittableRandom(9));
        FactorizedSymmetricModel model = new FactorizedSymmetricModel(10, 2, Initialization.SPECTRAL, 1.0);
        Blocks u = model.initialize(Optional.of(observations), new SplittableRandom(10));
        // ||A*(y) - X*||_2 is about 2 sqrt(d / m) = 0.045 for d = 10, m = 20000.
        assertThat(MatrixOps.relativeError(model.signal(u), truth.signal())).isLessThan(0.15);
    }
}
