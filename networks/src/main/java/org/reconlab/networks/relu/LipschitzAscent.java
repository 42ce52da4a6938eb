package org.reconlab.networks.relu;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.Optional;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.IterationObserver;
import org.reconlab.core.spi.OptimizationTask;
import org.reconlab.core.spi.Optimizer;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;

/**
 * A lower bound on the l^p Lipschitz constant of the trial's ReLU network: multi-start ascent of
 * {@code F(x) = ||grad Phi(x)||_q} over inputs, reporting as its iterate the best input found so far.
 *
 * <p><b>Why not plain gradient ascent.</b> {@code grad Phi} is constant on each linear region, so {@code F} is
 * piecewise constant and its gradient vanishes wherever it exists: ascent on {@code F} never leaves its start region.
 *
 * <p><b>Method (smoothing homotopy).</b> Replace each ReLU by a softplus of sharpness {@code t_l = tau rms(z_l)}
 * ({@link ReluNetwork#sharpness}, {@link ReluNetwork#smoothed}), the sharpness fixed at the current point. The smoothed {@code F_tau(x) = ||grad Phi_tau(x)||_q} is differentiable, with
 * {@code grad F_tau(x) = Hess Phi_tau(x) u}, {@code u} the dual unit vector of {@code grad Phi_tau(x)}
 * ({@link LpNorms#dualDirection}); the Hessian-vector product is one forward and one reverse pass. It is non-zero
 * only through neurons within about {@code tau} of their kink, and it points to the side of each nearby region
 * boundary where the gradient norm is larger, so the ascent crosses activation regions. Each start takes
 * {@code steps} normalized steps {@code x <- x + eta max(||x||, r) h / ||h||}, {@code h = grad F_tau(x)}, with
 * {@code tau} and {@code eta} decreasing geometrically (from {@code temperature} to {@code final-temperature}, from
 * {@code step} to {@code step / 100}); steps relative to {@code ||x||} make the search scale free, which matters
 * because a bias-free network's regions are cones. The annealing ends close to the ReLU network itself.
 *
 * <p><b>What is certified.</b> After every step the exact {@code F(x)} of the ReLU network is evaluated, and the
 * best input so far is the reported iterate; a metric evaluating {@code ||grad Phi||_q} there reads a true lower
 * bound (up to the null set of inputs exactly on a kink).
 *
 * <p><b>Starts.</b> The model's initial point, then {@code starts - 1} points drawn by the model's own
 * initialization from the optimizer's stream, each scaled by {@code 10^u}, {@code u} uniform in
 * {@code [0, radius-decades]}. With biases the regions of largest gradient are often unbounded wedges whose apex
 * lies well away from the origin (the far field of the network is the bias-free network, whose regions are cones);
 * the annealed ascent rarely travels that far from a start near the origin, so starts cover several scales.
 *
 * <p>The iteration count runs over all starts: iteration {@code k} is step {@code k mod steps} of start
 * {@code k / steps}.
 */
public final class LipschitzAscent implements Optimizer {

    private final int starts;
    private final int steps;
    private final double step;
    private final double temperature;
    private final double finalTemperature;
    private final double decades;

    public LipschitzAscent(int starts, int steps, double step, double temperature, double finalTemperature,
            double decades) {
        if (starts < 1 || steps < 0) {
            throw new IllegalArgumentException("need starts >= 1 and steps >= 0, got " + starts + " and " + steps);
        }
        if (!(step > 0) || !(temperature > 0) || !(finalTemperature > 0)) {
            throw new IllegalArgumentException("step and temperatures must be > 0, got " + step + ", " + temperature
                    + ", " + finalTemperature);
        }
        this.starts = starts;
        this.steps = steps;
        this.step = step;
        this.temperature = temperature;
        this.finalTemperature = finalTemperature;
        this.decades = decades;
    }

    @Override
    public void run(OptimizationTask task, IterationObserver observer) {
        LipschitzProbe probe = (LipschitzProbe) task.model();
        ReluNetwork network = ReluNetwork.fromBlocks(task.truth().parts());
        double q = probe.q();
        Blocks best = task.parameters();
        DoubleMatrix2D bestPoint = best.get("x");
        double[] start = probe.point(best);
        double bestValue = LpNorms.norm(network.gradient(start), q);
        if (!observer.observe(0, best)) {
            return;
        }
        double startScale = norm2(start) / Math.sqrt(start.length);
        int iteration = 0;
        for (int s = 0; s < starts; s++) {
            double[] x = s == 0 ? start : probe.point(probe.initialize(Optional.empty(), task.random()));
            if (s > 0) {
                double factor = Math.pow(10, decades * task.random().nextDouble());
                for (int j = 0; j < x.length; j++) {
                    x[j] *= factor;
                }
            }
            double radius = Math.max(startScale, 1e-12) * Math.sqrt(x.length);
            if (s > 0) {
                double value = LpNorms.norm(network.gradient(x), q);
                if (value > bestValue) {
                    bestValue = value;
                    bestPoint.viewColumn(0).assign(x);
                }
            }
            for (int t = 0; t < steps; t++) {
                double fraction = steps == 1 ? 0 : t / (double) (steps - 1);
                double tau = temperature * Math.pow(finalTemperature / temperature, fraction);
                double eta = step * Math.pow(0.01, fraction);
                double[] sharpness = network.sharpness(x, tau);
                double[] smoothedGradient = network.smoothed(x, sharpness, new double[x.length]).gradient();
                double[] u = LpNorms.dualDirection(smoothedGradient, q);
                double[] h = network.smoothed(x, sharpness, u).hessianTimesDirection();
                double hNorm = norm2(h);
                if (hNorm > 0 && Double.isFinite(hNorm)) {
                    double length = eta * Math.max(norm2(x), radius) / hNorm;
                    for (int j = 0; j < x.length; j++) {
                        x[j] += length * h[j];
                    }
                }
                double value = LpNorms.norm(network.gradient(x), q);
                if (value > bestValue) {
                    bestValue = value;
                    bestPoint.viewColumn(0).assign(x);
                }
                iteration++;
                if (!observer.observe(iteration, best)) {
                    return;
                }
            }
        }
    }

    private static double norm2(double[] x) {
        return LpNorms.norm(x, 2);
    }

    public static final class Factory extends DeclaredFactory<Optimizer> implements OptimizerFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("starts", 32, 1, 1_000_000, "number of random starting inputs"),
                Parameter.integer("steps", 100, 0, 100_000_000, "ascent steps per start"),
                Parameter.real("step", 0.1, Double.MIN_VALUE, 10.0, "first step length, relative to ||x||;"
                        + " decreases geometrically to step/100"),
                Parameter.real("temperature", 0.3, Double.MIN_VALUE, 100.0, "first softplus smoothing, relative"
                        + " to each layer's rms pre-activation"),
                Parameter.real("final-temperature", 0.003, Double.MIN_VALUE, 100.0, "last softplus smoothing"),
                Parameter.real("radius-decades", 3.0, 0.0, 30.0, "starts after the first are the model's random"
                        + " starts scaled by 10^u, u uniform in [0, radius-decades], to reach the far field"));

        public Factory() {
            super("lipschitz-ascent",
                    "lower bound on a ReLU network's l^p Lipschitz constant: multi-start smoothed ascent of"
                            + " ||grad Phi(x)||_q across activation regions",
                    PARAMETERS);
        }

        @Override
        public Optimizer create(Config config, BuildContext context) {
            if (!(context.model().orElseThrow() instanceof LipschitzProbe)) {
                throw ConfigException.incompatible("optimizer 'lipschitz-ascent' moves the input point of model"
                        + " 'lipschitz-probe', but the model is '" + context.modelName().orElseThrow() + "'");
            }
            if (!(context.problem() instanceof ReluNetworkProblem)) {
                throw ConfigException.incompatible("optimizer 'lipschitz-ascent' needs a ReLU network, but problem '"
                        + context.problemName() + "' draws a " + context.signalShape());
            }
            return new LipschitzAscent(config.integer("starts"), config.integer("steps"), config.real("step"),
                    config.real("temperature"), config.real("final-temperature"), config.real("radius-decades"));
        }
    }
}
