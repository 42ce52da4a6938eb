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
import org.reconlab.core.model.MatrixEstimateModel;
import org.reconlab.core.problem.LowRankProblem;
import org.reconlab.core.problem.PsdLowRankProblem;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Objective;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Shape;
import org.reconlab.core.spi.SquareLossObjective;
import org.reconlab.sensing.measurement.GaussianMeasurement;
import org.reconlab.sensing.measurement.RankOneProjectionMeasurement;

class FactorizedAsymmetricAndMatrixEstimateModelTest {

    private static Observations gaussian(int d1, int d2, int m, long seed) {
        GroundTruth truth = new LowRankProblem(d1, d2, new double[] {1.0, 0.5}).draw(new SplittableRandom(seed));
        return new GaussianMeasurement(Shape.matrix(d1, d2), m, 0.01).observe(truth, new SplittableRandom(seed + 1));
    }

    private static Observations rankOne(int d, int m, long seed) {
        GroundTruth truth = new PsdLowRankProblem(d, new double[] {1.0, 0.5}).draw(new SplittableRandom(seed));
        return new RankOneProjectionMeasurement(d, m, 0.01, 0).observe(truth, new SplittableRandom(seed + 1));
    }

    private static Blocks factors(int d1, int d2, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return Blocks.of(FactorizedAsymmetricModel.U, RandomMatrices.gaussian(d1, k, 0.7, random),
                FactorizedAsymmetricModel.V, RandomMatrices.gaussian(d2, k, 0.7, random));
    }

    @Test
    void asymmetricGradientMatchesFiniteDifferences() {
        FactorizedAsymmetricModel model = new FactorizedAsymmetricModel(5, 4, 3, Initialization.SMALL_RANDOM, 1.0);
        Objective objective = model.objective(gaussian(5, 4, 30, 1));
        assertThat(objective).isInstanceOf(SquareLossObjective.class);
        assertThat(FiniteDifferences.relativeGradientError(objective, factors(5, 4, 3, 2), 1e-5)).isLessThan(1e-7);
    }

    @Test
    void factorKernelObjectivesMatchTheFullMatrixObjectiveOnRankOneProjections() {
        Observations observations = rankOne(6, 40, 3);
        FactorizedAsymmetricModel asymmetric = new FactorizedAsymmetricModel(6, 6, 2, Initialization.SMALL_RANDOM, 1.0);
        FactorizedSymmetricModel symmetric = new FactorizedSymmetricModel(6, 2, Initialization.SMALL_RANDOM, 1.0);
        Blocks uv = factors(6, 6, 2, 4);
        Blocks u = Blocks.of(FactorizedSymmetricModel.U, uv.get(FactorizedAsymmetricModel.U).copy());
        Objective fastAsymmetric = asymmetric.objective(observations);
        Objective fastSymmetric = symmetric.objective(observations);
        assertThat(fastAsymmetric).isInstanceOf(FactoredSquareLoss.class);
        assertThat(fastSymmetric).isInstanceOf(FactoredSquareLoss.class);
        compare(fastAsymmetric.evaluate(uv), new SquareLossObjective(asymmetric, observations, 0.5).evaluate(uv));
        compare(fastSymmetric.evaluate(u), new SquareLossObjective(symmetric, observations, 0.25).evaluate(u));
        assertThat(FiniteDifferences.relativeGradientError(fastAsymmetric, uv, 1e-5)).isLessThan(1e-7);
        assertThat(FiniteDifferences.relativeGradientError(fastSymmetric, u, 1e-5)).isLessThan(1e-7);
    }

    private static void compare(Objective.Evaluation fast, Objective.Evaluation reference) {
        assertThat(fast.value()).isCloseTo(reference.value(), within(1e-12 * (1 + reference.value())));
        for (String name : reference.gradient().names()) {
            DoubleMatrix2D expected = reference.gradient().get(name);
            assertThat(MatrixOps.distance(fast.gradient().get(name), expected))
                    .isLessThan(1e-12 * (1 + MatrixOps.frobeniusNorm(expected)));
        }
    }

    @Test
    void asymmetricSpectralInitializationIsTheBestRankKApproximationOfTheBackprojection() {
        Observations observations = gaussian(6, 5, 40, 5);
        FactorizedAsymmetricModel model = new FactorizedAsymmetricModel(6, 5, 2, Initialization.SPECTRAL, 1.0);
        Blocks start = model.initialize(Optional.of(observations), new SplittableRandom(6));
        Decompositions.Svd svd = Decompositions.svd(observations.operator().adjoint(observations.values()));
        assertThat(MatrixOps.distance(model.signal(start), svd.reconstruct(2, s -> s))).isLessThan(1e-12);
        // balanced: U^T U = V^T V = diag(s_1, s_2)
        assertThat(MatrixOps.distance(MatrixOps.multTransA(start.get("U"), start.get("U")),
                MatrixOps.multTransA(start.get("V"), start.get("V")))).isLessThan(1e-12);
    }

    @Test
    void asymmetricSmallRandomInitializationDrawsBothFactorsAtScaleAlpha() {
        FactorizedAsymmetricModel model = new FactorizedAsymmetricModel(300, 200, 20, Initialization.SMALL_RANDOM, 1e-2);
        Blocks start = model.initialize(Optional.empty(), new SplittableRandom(7));
        // ||alpha G / sqrt(k)||_F is about alpha sqrt(d)
        assertThat(MatrixOps.frobeniusNorm(start.get("U"))).isCloseTo(1e-2 * Math.sqrt(300), within(0.05 * 1e-2 * Math.sqrt(300)));
        assertThat(MatrixOps.frobeniusNorm(start.get("V"))).isCloseTo(1e-2 * Math.sqrt(200), within(0.05 * 1e-2 * Math.sqrt(200)));
    }

    @Test
    void matrixEstimateGradientMatchesFiniteDifferencesAndStaysSymmetricForSymmetricProblems() {
        Observations general = gaussian(4, 3, 20, 8);
        MatrixEstimateModel matrix = new MatrixEstimateModel(Shape.matrix(4, 3), MatrixEstimateModel.Init.ZERO, 0);
        Blocks x = Blocks.of(MatrixEstimateModel.BLOCK, RandomMatrices.gaussian(4, 3, 1.0, new SplittableRandom(9)));
        assertThat(FiniteDifferences.relativeGradientError(matrix.objective(general), x, 1e-5)).isLessThan(1e-7);

        GroundTruth truth = new PsdLowRankProblem(4, new double[] {1.0}).draw(new SplittableRandom(10));
        Observations observations = new GaussianMeasurement(Shape.matrix(4, 4), 20, 0).observe(truth, new SplittableRandom(11));
        MatrixEstimateModel symmetric = new MatrixEstimateModel(Shape.symmetric(4), MatrixEstimateModel.Init.ADJOINT, 0);
        Blocks start = symmetric.initialize(Optional.of(observations), new SplittableRandom(12));
        DoubleMatrix2D s = start.get(MatrixEstimateModel.BLOCK);
        assertThat(MatrixOps.distance(s, s.viewDice())).isZero();
        assertThat(MatrixOps.distance(s, MatrixOps.symmetricPart(observations.operator().adjoint(observations.values()))))
                .isLessThan(1e-14);
        DoubleMatrix2D gradient = symmetric.objective(observations).evaluate(start).gradient().get(MatrixEstimateModel.BLOCK);
        assertThat(MatrixOps.distance(gradient, gradient.viewDice())).isZero();
        assertThat(FiniteDifferences.relativeGradientError(symmetric.objective(observations), start, 1e-5)).isLessThan(1e-7);
    }
}
