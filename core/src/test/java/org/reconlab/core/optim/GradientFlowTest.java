package org.reconlab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Objective;
import org.reconlab.core.spi.OptimizationTask;
import org.reconlab.core.spi.Shape;

class GradientFlowTest {

    private static final GroundTruth TRUTH = GroundTruth.of(Shape.vector(1), new cern.colt.matrix.impl.DenseDoubleMatrix2D(1, 1));

    /** Runs the flow and returns the iterates it reported, copied. */
    private static List<double[]> run(GradientFlow flow, Objective objective, Blocks start) {
        List<double[]> iterates = new ArrayList<>();
        OptimizationTask task = new OptimizationTask(new QuadraticGame(1, 0, 1), start, Optional.of(objective),
                Optional.empty(), TRUTH, new SplittableRandom(1));
        flow.run(task, (iteration, parameters) -> {
            assertThat(iteration).isEqualTo(iterates.size());
            iterates.add(parameters.get("x").viewColumn(0).toArray());
            return true;
        });
        return iterates;
    }

    @Test
    void followsTheExactFlowOfAQuadratic() {
        for (GradientFlow.Method method : GradientFlow.Method.values()) {
            double[] curvatures = {0.5, 3};
            GradientFlow flow = new GradientFlow(method, 2.0, 1e-10, 1e-14, 100_000, 0, 0);
            List<double[]> iterates = run(flow, QuadraticGame.diagonalQuadratic(curvatures), QuadraticGame.column("x", 1, -2));
            double[] end = iterates.get(iterates.size() - 1);
            assertThat(end[0]).as("%s", method).isCloseTo(Math.exp(-0.5 * 2), within(1e-7));
            assertThat(end[1]).as("%s", method).isCloseTo(-2 * Math.exp(-3 * 2), within(1e-7));
        }
    }

    @Test
    void rosenbrockTakesLongStepsThroughStiffness() {
        // Curvatures 1 and 1e6: an explicit method needs ~1e6 * T / 3 steps to stay stable; an L-stable one does not.
        double[] curvatures = {1, 1e6};
        GradientFlow stiff = new GradientFlow(GradientFlow.Method.ROSENBROCK, 20.0, 1e-6, 1e-12, 100_000, 0, 0);
        List<double[]> iterates = run(stiff, QuadraticGame.diagonalQuadratic(curvatures), QuadraticGame.column("x", 1, 1));
        double[] end = iterates.get(iterates.size() - 1);
        assertThat(end[0]).isCloseTo(Math.exp(-20), within(1e-9));
        assertThat(Math.abs(end[1])).isLessThan(1e-12);
        assertThat(iterates.size()).isLessThan(2_000);
        GradientFlow explicit = new GradientFlow(GradientFlow.Method.DORMAND_PRINCE, 20.0, 1e-6, 1e-12, 100_000, 0, 0);
        assertThat(run(explicit, QuadraticGame.diagonalQuadratic(curvatures), QuadraticGame.column("x", 1, 1)).size())
                .isGreaterThan(10 * iterates.size());
    }

    @Test
    void stopsAtTheLossOrGradientTolerance() {
        Objective objective = QuadraticGame.diagonalQuadratic(1);
        List<double[]> byLoss = run(new GradientFlow(GradientFlow.Method.DORMAND_PRINCE, 1e6, 1e-8, 1e-14, 100_000, 1e-10, 0),
                objective, QuadraticGame.column("x", 1));
        double x = byLoss.get(byLoss.size() - 1)[0];
        assertThat(x * x / 2).isLessThanOrEqualTo(1e-10);
        assertThat(byLoss.get(byLoss.size() - 2)[0] * byLoss.get(byLoss.size() - 2)[0] / 2).isGreaterThan(1e-10);
        List<double[]> byGradient = run(new GradientFlow(GradientFlow.Method.ROSENBROCK, 1e6, 1e-8, 1e-14, 100_000, 0, 1e-6),
                objective, QuadraticGame.column("x", 1));
        assertThat(Math.abs(byGradient.get(byGradient.size() - 1)[0])).isLessThanOrEqualTo(1e-6);
    }

    @Test
    void maxStepsBoundsTheIterations() {
        List<double[]> iterates = run(new GradientFlow(GradientFlow.Method.DORMAND_PRINCE, 1e6, 1e-8, 1e-14, 7, 0, 0),
                QuadraticGame.diagonalQuadratic(1), QuadraticGame.column("x", 1));
        assertThat(iterates).hasSize(8);
    }
}
