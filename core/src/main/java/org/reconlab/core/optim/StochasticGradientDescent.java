package org.reconlab.core.optim;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import java.util.SplittableRandom;
import org.reconlab.core.operator.RowSubsetOperator;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.IterationObserver;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.Objective;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.OptimizationTask;
import org.reconlab.core.spi.Optimizer;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;

/**
 * Mini-batch stochastic gradient descent with a constant step: each iteration draws a batch B of b observations
 * uniformly without replacement (from the optimizer's stream) and steps along
 * {@code (m / b) grad f_B(theta)}, where {@code f_B} is the model's training objective on the rows B alone. For
 * objectives that are sums over observations (the square losses) this is an unbiased estimate of the full gradient,
 * and b = m is gradient descent. The batch operator comes from {@link RowSubsetOperator#restrict}, which is cheap
 * for operators that implement {@link org.reconlab.core.operator.RestrictableOperator}.
 */
public final class StochasticGradientDescent implements Optimizer {

    private final double step;
    private final int iterations;
    private final int batchSize;

    public StochasticGradientDescent(double step, int iterations, int batchSize) {
        if (!(step > 0) || iterations < 0 || batchSize < 1) {
            throw new IllegalArgumentException("need step > 0, iterations >= 0, batch size >= 1; got " + step + ", "
                    + iterations + ", " + batchSize);
        }
        this.step = step;
        this.iterations = iterations;
        this.batchSize = batchSize;
    }

    @Override
    public void run(OptimizationTask task, IterationObserver observer) {
        Observations observations = task.requireObservations();
        Model model = task.model();
        Blocks parameters = task.parameters();
        SplittableRandom random = task.random();
        int m = observations.operator().rangeSize();
        int b = Math.min(batchSize, m);
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        int[] batch = new int[b];
        if (!observer.observe(0, parameters)) {
            return;
        }
        for (int iteration = 1; iteration <= iterations; iteration++) {
            sample(order, batch, random);
            Objective objective = model.objective(restrict(observations, batch));
            GradientDescent.step(parameters, objective.evaluate(parameters).gradient(), step * m / b);
            if (!observer.observe(iteration, parameters)) {
                return;
            }
        }
    }

    /** The first {@code batch.length} entries of a partial Fisher-Yates shuffle of {@code order}. */
    static void sample(int[] order, int[] batch, SplittableRandom random) {
        for (int t = 0; t < batch.length; t++) {
            int j = t + random.nextInt(order.length - t);
            int swap = order[t];
            order[t] = order[j];
            order[j] = swap;
            batch[t] = order[t];
        }
    }

    /** The observations {@code rows} of {@code observations}, with their operator rows. */
    public static Observations restrict(Observations observations, int[] rows) {
        DoubleMatrix1D values = new DenseDoubleMatrix1D(rows.length);
        DoubleMatrix1D noise = new DenseDoubleMatrix1D(rows.length);
        for (int t = 0; t < rows.length; t++) {
            values.setQuick(t, observations.values().getQuick(rows[t]));
            noise.setQuick(t, observations.noise().getQuick(rows[t]));
        }
        return new Observations(RowSubsetOperator.restrict(observations.operator(), rows), values, noise);
    }

    public static final class Factory extends DeclaredFactory<Optimizer> implements OptimizerFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.real("step", null, Double.MIN_VALUE, Double.MAX_VALUE,
                        "step size eta, applied to the full-gradient estimate (m/b) grad f_B"),
                Parameter.integer("iterations", 1000, 0, Integer.MAX_VALUE, "number of mini-batch steps"),
                Parameter.integer("batch-size", 1, 1, Integer.MAX_VALUE,
                        "observations per step, drawn without replacement (capped at m; m gives gradient descent)"));

        public Factory() {
            super("sgd",
                    "mini-batch stochastic gradient descent with a constant step on the model's training objective",
                    PARAMETERS);
        }

        @Override
        public Optimizer create(Config config, BuildContext context) {
            context.requireMeasurement("optimizer 'sgd' samples observations");
            return new StochasticGradientDescent(config.real("step"), config.integer("iterations"),
                    config.integer("batch-size"));
        }
    }
}
