package org.reconlab.core.optim;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.List;
import java.util.Set;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.IterationObserver;
import org.reconlab.core.spi.Objective;
import org.reconlab.core.spi.OptimizationTask;
import org.reconlab.core.spi.Optimizer;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.SaddlePointModel;

/**
 * Gradient descent/ascent on the min-max objective of a {@link SaddlePointModel}: the model's ascent blocks take
 * steps {@code +eta_max grad}, all other blocks {@code -eta_min grad}.
 * <ul>
 *   <li>{@code simultaneous}: both sides step from the gradient at the same iterate;</li>
 *   <li>{@code alternating}: the descent blocks step first, then the ascent blocks step from the gradient at the
 *   updated descent blocks (two gradient evaluations per iteration).</li>
 * </ul>
 */
public final class GradientDescentAscent implements Optimizer {

    /** How the two players' steps are ordered. */
    public enum Mode {
        SIMULTANEOUS, ALTERNATING
    }

    private final double descentStep;
    private final double ascentStep;
    private final int iterations;
    private final Mode mode;

    public GradientDescentAscent(double descentStep, double ascentStep, int iterations, Mode mode) {
        if (!(descentStep > 0) || !(ascentStep > 0) || iterations < 0) {
            throw new IllegalArgumentException("need positive steps and iterations >= 0, got " + descentStep + ", "
                    + ascentStep + ", " + iterations);
        }
        this.descentStep = descentStep;
        this.ascentStep = ascentStep;
        this.iterations = iterations;
        this.mode = mode;
    }

    @Override
    public void run(OptimizationTask task, IterationObserver observer) {
        Objective objective = task.requireObjective();
        Blocks parameters = task.parameters();
        Set<String> ascent = ((SaddlePointModel) task.model()).ascentBlocks();
        for (String name : ascent) {
            parameters.get(name);
        }
        if (!observer.observe(0, parameters)) {
            return;
        }
        for (int iteration = 1; iteration <= iterations; iteration++) {
            Blocks gradient = objective.evaluate(parameters).gradient();
            if (mode == Mode.SIMULTANEOUS) {
                step(parameters, gradient, ascent, true, true);
            } else {
                step(parameters, gradient, ascent, true, false);
                step(parameters, objective.evaluate(parameters).gradient(), ascent, false, true);
            }
            if (!observer.observe(iteration, parameters)) {
                return;
            }
        }
    }

    private void step(Blocks parameters, Blocks gradient, Set<String> ascent, boolean descend, boolean ascend) {
        List<String> names = parameters.names();
        for (String name : names) {
            boolean up = ascent.contains(name);
            if (up ? !ascend : !descend) {
                continue;
            }
            double signedStep = up ? ascentStep : -descentStep;
            DoubleMatrix2D block = parameters.get(name);
            DoubleMatrix2D g = gradient.get(name);
            for (int i = 0; i < block.rows(); i++) {
                for (int j = 0; j < block.columns(); j++) {
                    block.setQuick(i, j, block.getQuick(i, j) + signedStep * g.getQuick(i, j));
                }
            }
        }
    }

    public static final class Factory extends DeclaredFactory<Optimizer> implements OptimizerFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.real("step", null, Double.MIN_VALUE, Double.MAX_VALUE, "step eta_min of the descending blocks"),
                Parameter.real("ascent-step", null, Double.MIN_VALUE, Double.MAX_VALUE,
                        "step eta_max of the ascending blocks (default: step)"),
                Parameter.integer("iterations", 1000, 0, Integer.MAX_VALUE, "number of iterations"),
                Parameter.choice("mode", "simultaneous", List.of("simultaneous", "alternating"),
                        "both players step from the same iterate, or the descending one first"));

        public Factory() {
            super("gda", "gradient descent/ascent on a min-max objective (simultaneous or alternating)", PARAMETERS);
        }

        @Override
        public Optimizer create(Config config, BuildContext context) {
            if (!(context.model().orElseThrow() instanceof SaddlePointModel)) {
                throw ConfigException.incompatible("optimizer 'gda' needs a min-max model that names its ascent blocks"
                        + " (SaddlePointModel), but model '" + context.modelName().orElseThrow() + "' has one objective"
                        + " to minimize; use gradient-descent");
            }
            context.requireMeasurement("optimizer 'gda' needs a training objective");
            double step = config.real("step");
            return new GradientDescentAscent(step, config.optionalReal("ascent-step").orElse(step),
                    config.integer("iterations"),
                    config.choice("mode").equals("alternating") ? Mode.ALTERNATING : Mode.SIMULTANEOUS);
        }
    }
}
