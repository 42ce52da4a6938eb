package org.reconlab.core.optim;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.List;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.IterationObserver;
import org.reconlab.core.spi.Objective;
import org.reconlab.core.spi.OptimizationTask;
import org.reconlab.core.spi.Optimizer;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;

/** Plain gradient descent with a constant step: {@code theta <- theta - eta grad f(theta)}, block by block. */
public final class GradientDescent implements Optimizer {

    private final double step;
    private final int iterations;

    public GradientDescent(double step, int iterations) {
        this.step = step;
        this.iterations = iterations;
    }

    @Override
    public void run(OptimizationTask task, IterationObserver observer) {
        Objective objective = task.requireObjective();
        Blocks parameters = task.parameters();
        if (!observer.observe(0, parameters)) {
            return;
        }
        for (int iteration = 1; iteration <= iterations; iteration++) {
            Blocks gradient = objective.evaluate(parameters).gradient();
            step(parameters, gradient, step);
            if (!observer.observe(iteration, parameters)) {
                return;
            }
        }
    }

    /** {@code parameters <- parameters - step * gradient}, in place. */
    public static void step(Blocks parameters, Blocks gradient, double step) {
        List<DoubleMatrix2D> blocks = parameters.list();
        List<DoubleMatrix2D> gradients = gradient.list();
        for (int b = 0; b < blocks.size(); b++) {
            DoubleMatrix2D block = blocks.get(b);
            DoubleMatrix2D g = gradients.get(b);
            for (int i = 0; i < block.rows(); i++) {
                for (int j = 0; j < block.columns(); j++) {
                    block.setQuick(i, j, block.getQuick(i, j) - step * g.getQuick(i, j));
                }
            }
        }
    }

    public static final class Factory extends DeclaredFactory<Optimizer> implements OptimizerFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.real("step", null, Double.MIN_VALUE, Double.MAX_VALUE, "step size eta"),
                Parameter.integer("iterations", 1000, 0, Integer.MAX_VALUE, "number of gradient steps"));

        public Factory() {
            super("gradient-descent",
                    "gradient descent with a constant step on the model's training objective",
                    PARAMETERS);
        }

        @Override
        public Optimizer create(Config config, BuildContext context) {
            context.requireMeasurement("optimizer 'gradient-descent' needs a training objective");
            return new GradientDescent(config.real("step"), config.integer("iterations"));
        }
    }
}
