package org.reconlab.core.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.OptimizationTask;
import org.reconlab.core.spi.Shape;

class GradientDescentAscentTest {

    private static final GroundTruth TRUTH = GroundTruth.of(Shape.vector(1), new cern.colt.matrix.impl.DenseDoubleMatrix2D(1, 1));

    private static Blocks run(QuadraticGame game, GradientDescentAscent gda) {
        Blocks start = game.initialize(Optional.empty(), new SplittableRandom(1));
        gda.run(new OptimizationTask(game, start, Optional.of(game.objective()), Optional.empty(), TRUTH,
                new SplittableRandom(2)), (iteration, parameters) -> true);
        return start;
    }

    @Test
    void oneSimultaneousStepByHand() {
        // h = x^2/2 + 2xy - y^2/2 at (1, 1): grad_x = 3, grad_y = 1; x <- 1 - 0.1 * 3, y <- 1 + 0.2 * 1.
        Blocks end = run(new QuadraticGame(1, 2, 1), new GradientDescentAscent(0.1, 0.2, 1,
                GradientDescentAscent.Mode.SIMULTANEOUS));
        assertThat(end.get("x").getQuick(0, 0)).isCloseTo(0.7, within(1e-15));
        assertThat(end.get("y").getQuick(0, 0)).isCloseTo(1.2, within(1e-15));
    }

    @Test
    void oneAlternatingStepByHand() {
        // x moves first to 0.7; then grad_y at (0.7, 1) = 2 * 0.7 - 1 = 0.4, y <- 1 + 0.2 * 0.4.
        Blocks end = run(new QuadraticGame(1, 2, 1), new GradientDescentAscent(0.1, 0.2, 1,
                GradientDescentAscent.Mode.ALTERNATING));
        assertThat(end.get("x").getQuick(0, 0)).isCloseTo(0.7, within(1e-15));
        assertThat(end.get("y").getQuick(0, 0)).isCloseTo(1.08, within(1e-15));
    }

    @Test
    void bilinearGameSeparatesTheModes() {
        // h = x y: simultaneous GDA spirals out (|z| grows by sqrt(1 + eta^2) per step), alternating GDA stays bounded.
        QuadraticGame bilinear = new QuadraticGame(0, 1, 0);
        Blocks simultaneous = run(bilinear, new GradientDescentAscent(0.1, 0.1, 500, GradientDescentAscent.Mode.SIMULTANEOUS));
        double radius = Math.hypot(simultaneous.get("x").getQuick(0, 0), simultaneous.get("y").getQuick(0, 0));
        assertThat(radius).isCloseTo(Math.sqrt(2) * Math.pow(1 + 0.01, 250), within(1e-9 * radius));
        Blocks alternating = run(bilinear, new GradientDescentAscent(0.1, 0.1, 500, GradientDescentAscent.Mode.ALTERNATING));
        assertThat(Math.hypot(alternating.get("x").getQuick(0, 0), alternating.get("y").getQuick(0, 0))).isLessThan(2);
    }

    @Test
    void stronglyConvexConcaveGameConvergesToTheSaddlePoint() {
        for (GradientDescentAscent.Mode mode : GradientDescentAscent.Mode.values()) {
            Blocks end = run(new QuadraticGame(1, 1, 1), new GradientDescentAscent(0.1, 0.1, 2000, mode));
            assertThat(Math.abs(end.get("x").getQuick(0, 0))).as("%s", mode).isLessThan(1e-12);
            assertThat(Math.abs(end.get("y").getQuick(0, 0))).as("%s", mode).isLessThan(1e-12);
        }
    }
}
