package org.reconlab.sensing.optim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.optim.GradientDescent;
import org.reconlab.core.optim.StochasticGradientDescent;
import org.reconlab.core.problem.PsdLowRankProblem;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.OptimizationTask;
import org.reconlab.core.spi.Shape;
import org.reconlab.sensing.measurement.GaussianMeasurement;
import org.reconlab.sensing.measurement.RankOneProjectionMeasurement;
import org.reconlab.sensing.model.FactorizedSymmetricModel;
import org.reconlab.sensing.model.Initialization;

/** The core SGD on sensing operators, which restrict themselves to a batch: a full batch is gradient descent. */
class SgdOnSensingTest {

    @Test
    void fullBatchSgdIsGradientDescentOnDenseAndRankOneOperators() {
        GroundTruth truth = new PsdLowRankProblem(6, new double[] {1.0, 0.5}).draw(new SplittableRandom(1));
        for (Observations observations : java.util.List.of(
                new GaussianMeasurement(Shape.matrix(6, 6), 40, 0.01).observe(truth, new SplittableRandom(2)),
                new RankOneProjectionMeasurement(6, 40, 0.01, 0).observe(truth, new SplittableRandom(2)))) {
            FactorizedSymmetricModel model = new FactorizedSymmetricModel(6, 6, Initialization.SMALL_RANDOM, 0.1);
            Blocks sgd = model.initialize(Optional.empty(), new SplittableRandom(3));
            Blocks gd = sgd.copy();
            new StochasticGradientDescent(0.05, 40, 40).run(task(model, sgd, observations, truth), (i, p) -> true);
            new GradientDescent(0.05, 40).run(task(model, gd, observations, truth), (i, p) -> true);
            assertThat(MatrixOps.distance(sgd.get("U"), gd.get("U"))).isLessThan(1e-12);
        }
    }

    private static OptimizationTask task(FactorizedSymmetricModel model, Blocks start, Observations observations,
            GroundTruth truth) {
        return new OptimizationTask(model, start, Optional.of(model.objective(observations)), Optional.of(observations),
                truth, new SplittableRandom(4));
    }
}
