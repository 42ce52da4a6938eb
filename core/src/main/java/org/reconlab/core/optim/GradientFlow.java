package org.reconlab.core.optim;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince54Integrator;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gradient flow {@code d theta / dt = -grad f(theta)}, integrated with adaptive steps under local error control.
 *
 * <p>{@code dormand-prince} (default) is the explicit Dormand-Prince 5(4) embedded Runge-Kutta pair (Hairer, Norsett
 * and Wanner, Solving ODEs I, section II.5), Hipparchus's {@code DormandPrince54Integrator}: each step is accepted
 * when the embedded error estimate {@code e} satisfies
 * {@code sqrt(mean_i (e_i / (atol + rtol max(|theta_i|, |theta_i'|)))^2) <= 1}, and the next step is
 * {@code h * min(5, max(0.2, 0.9 err^{-1/5}))}. The first step follows Hairer's starting-step heuristic.
 *
 * <p>{@code rosenbrock} is for stiff flows, where an explicit method's step is capped by the fastest time scale
 * (the inverse largest Hessian eigenvalue) while convergence takes the slowest one. The late phase of a diagonal
 * network from small initialization is such a flow: the entries off the support move at rates of order
 * {@code alpha^{2D-2}}, so the loss decays over times {@code alpha^{2-2D}} that no explicit step size reaches. See
 * {@link #runRosenbrock}; it is written here because Hipparchus has no stiff integrator (its ODE package offers
 * explicit Runge-Kutta, Adams and Gragg-Bulirsch-Stoer methods, none of them L-stable).
 *
 * <p>Why not small-step gradient descent: the flows of over-parameterized models from small initialization spend a
 * long time on plateaus where the field is tiny (the time to leave the origin of a depth-D diagonal network grows like
 * {@code alpha^{2-D}}) and then move fast; an adaptive integrator takes long steps on the plateau and short ones in the
 * transitions, at a controlled local error, where a fixed step must be small enough for the fastest phase throughout.
 *
 * <p>Every accepted step is one iteration. The flow stops at time {@code time}, after {@code max-steps} steps, when
 * the objective falls to {@code loss-tolerance}, or when the gradient norm falls to {@code gradient-tolerance}
 * (either tolerance 0 switches its rule off), or when the step size underflows (reported in the log; the iterate
 * reached is the result).
 */
public final class GradientFlow implements Optimizer {

    private static final Logger log = LoggerFactory.getLogger(GradientFlow.class);

    /** The integrator. */
    public enum Method {
        /** Explicit Dormand-Prince 5(4): cheap steps, for non-stiff flows of any size. */
        DORMAND_PRINCE,
        /** Linearly implicit, L-stable Rosenbrock 2(3) with a finite-difference Hessian: for stiff flows of small models. */
        ROSENBROCK
    }

    private final Method method;
    private final double time;
    private final double relativeTolerance;
    private final double absoluteTolerance;
    private final int maxSteps;
    private final double lossTolerance;
    private final double gradientTolerance;

    public GradientFlow(Method method, double time, double relativeTolerance, double absoluteTolerance, int maxSteps,
            double lossTolerance, double gradientTolerance) {
        if (!(time > 0) || !(relativeTolerance > 0) || !(absoluteTolerance >= 0) || maxSteps < 0
                || !(lossTolerance >= 0) || !(gradientTolerance >= 0)) {
            throw new IllegalArgumentException("need time > 0, relative tolerance > 0, the rest >= 0; got time " + time
                    + ", tolerances " + relativeTolerance + ", " + absoluteTolerance + ", " + lossTolerance + ", "
                    + gradientTolerance + ", max steps " + maxSteps);
        }
        this.method = java.util.Objects.requireNonNull(method, "method is null");
        this.time = time;
        this.relativeTolerance = relativeTolerance;
        this.absoluteTolerance = absoluteTolerance;
        this.maxSteps = maxSteps;
        this.lossTolerance = lossTolerance;
        this.gradientTolerance = gradientTolerance;
    }

    @Override
    public void run(OptimizationTask task, IterationObserver observer) {
        Objective objective = task.requireObjective();
        Blocks parameters = task.parameters();
        if (!observer.observe(0, parameters)) {
            return;
        }
        if (method == Method.ROSENBROCK) {
            runRosenbrock(objective, parameters, observer);
            return;
        }
        runDormandPrince(objective, parameters, observer);
    }

    /**
     * Hipparchus's {@link DormandPrince54Integrator}, whose error norm is the one in this class's javadoc, with the step
     * growth capped at 5 (Hairer, Norsett and Wanner's choice; Hipparchus's default is 10). Each accepted step is
     * reported to the observer from a step handler; the observer, the step budget or a tolerance ends the integration
     * by throwing {@link StopFlow} out of the integrator.
     */
    private void runDormandPrince(Objective objective, Blocks parameters, IterationObserver observer) {
        Blocks scratch = parameters.copy();
        double[] start = flatten(parameters);
        int n = start.length;
        Objective.Evaluation first = objective.evaluate(parameters);
        if (stop(first.value(), field(first.gradient(), n))) {
            return;
        }
        LastEvaluation last = new LastEvaluation();
        OrdinaryDifferentialEquation flow = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                unflatten(y, scratch);
                Objective.Evaluation evaluation = objective.evaluate(scratch);
                double[] derivative = field(evaluation.gradient(), n);
                last.remember(y, evaluation.value());
                return derivative;
            }
        };
        // The smallest step: four ulps of the largest time the flow reaches, below which t + h no longer moves.
        DormandPrince54Integrator integrator = new FiniteStepsDormandPrince(4 * Math.ulp(Math.max(time, 1.0)), time,
                absoluteTolerance, relativeTolerance);
        integrator.setMaxGrowth(5);
        int[] steps = {0};
        integrator.addStepHandler(interpolator -> {
            ODEStateAndDerivative end = interpolator.getCurrentState();
            double[] y = end.getPrimaryState();
            unflatten(y, parameters);
            steps[0]++;
            // Dormand-Prince evaluates the field at the end of the step it accepts (its last stage), so the loss there
            // is the last evaluation; evaluate again only if the integrator did otherwise.
            double loss = last.isAt(y) ? last.value : objective.evaluate(parameters).value();
            if (!observer.observe(steps[0], parameters) || steps[0] >= maxSteps
                    || stop(loss, end.getPrimaryDerivative())) {
                throw StopFlow.INSTANCE;
            }
        });
        if (maxSteps == 0) {
            return;
        }
        try {
            integrator.integrate(flow, new ODEState(0, start), time);
        } catch (StopFlow stopped) {
            // the observer or a stopping rule ended the flow
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            log.warn("gradient flow: {} after {} steps", e.getMessage(), steps[0]);
        }
    }

    /**
     * Dormand-Prince that rejects a step whose error estimate is NaN (the field was not finite somewhere inside it) and
     * retries it shorter, as it does any step whose error is too large; Hipparchus would accept it, since a NaN error
     * is not {@code >= 1}. The observer so sees finite iterates only.
     */
    private static final class FiniteStepsDormandPrince extends DormandPrince54Integrator {
        FiniteStepsDormandPrince(double minStep, double maxStep, double absoluteTolerance, double relativeTolerance) {
            super(minStep, maxStep, absoluteTolerance, relativeTolerance);
        }

        @Override
        protected double estimateError(double[][] stages, double[] start, double[] end, double step) {
            double error = super.estimateError(stages, start, end, step);
            return Double.isNaN(error) ? Double.POSITIVE_INFINITY : error;
        }
    }

    /** The point and objective value of the field's last evaluation. */
    private static final class LastEvaluation {
        private double[] point = new double[0];
        private double value;

        void remember(double[] y, double objective) {
            point = y.clone();
            value = objective;
        }

        boolean isAt(double[] y) {
            return Arrays.equals(point, y);
        }
    }

    /** Thrown out of the integrator to end the flow before its final time; carries no stack trace. */
    private static final class StopFlow extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final StopFlow INSTANCE = new StopFlow();

        private StopFlow() {
            super("gradient flow stopped", null, false, false);
        }
    }

    /**
     * Shampine and Reichelt's Rosenbrock 2(3) pair (the MATLAB {@code ode23s} formulas, "The MATLAB ODE suite", SIAM J.
     * Sci. Comput. 1997): with {@code W = I - h g J}, {@code g = 1/(2 + sqrt 2)}, {@code J = -Hess f},
     * {@code k1 = W^{-1} F0}, {@code F1 = F(y + h k1/2)}, {@code k2 = W^{-1}(F1 - k1) + k1}, {@code y' = y + h k2},
     * {@code F2 = F(y')}, {@code k3 = W^{-1}(F2 - (6 + sqrt 2)(k2 - F1) - 2(k1 - F0))}, error
     * {@code h (k1 - 2 k2 + k3) / 6}. L-stable, so steps grow with the slowest time scale instead of being capped by
     * the fastest one. The Hessian comes from forward differences of the gradient (P gradients for P parameters)
     * at each new point; W is factored by LU. Cost grows like {@code P^3}: meant for up to a few hundred parameters.
     */
    private void runRosenbrock(Objective objective, Blocks parameters, IterationObserver observer) {
        Blocks scratch = parameters.copy();
        double[] y = flatten(parameters);
        int n = y.length;
        Objective.Evaluation first = objective.evaluate(parameters);
        double[] f0 = field(first.gradient(), n);
        if (stop(first.value(), f0)) {
            return;
        }
        double gamma = 1 / (2 + Math.sqrt(2));
        double e32 = 6 + Math.sqrt(2);
        double t = 0;
        double h = initialStep(objective, scratch, y, f0);
        double[][] jacobian = jacobian(objective, scratch, y, f0);
        double[] stage = new double[n];
        for (int step = 1; step <= maxSteps; ) {
            h = Math.min(h, time - t);
            cern.colt.matrix.DoubleMatrix2D w = new cern.colt.matrix.impl.DenseDoubleMatrix2D(n, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    w.setQuick(i, j, (i == j ? 1 : 0) - h * gamma * jacobian[i][j]);
                }
            }
            cern.colt.matrix.linalg.LUDecomposition lu = new cern.colt.matrix.linalg.LUDecomposition(w);
            if (!lu.isNonsingular()) {
                h /= 2;
                continue;
            }
            double[] k1 = solve(lu, f0);
            for (int i = 0; i < n; i++) {
                stage[i] = y[i] + 0.5 * h * k1[i];
            }
            unflatten(stage, scratch);
            double[] f1 = field(objective.evaluate(scratch).gradient(), n);
            double[] rhs = new double[n];
            for (int i = 0; i < n; i++) {
                rhs[i] = f1[i] - k1[i];
            }
            double[] k2 = solve(lu, rhs);
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                k2[i] += k1[i];
                next[i] = y[i] + h * k2[i];
            }
            unflatten(next, scratch);
            Objective.Evaluation atNext = objective.evaluate(scratch);
            double[] f2 = field(atNext.gradient(), n);
            for (int i = 0; i < n; i++) {
                rhs[i] = f2[i] - e32 * (k2[i] - f1[i]) - 2 * (k1[i] - f0[i]);
            }
            double[] k3 = solve(lu, rhs);
            double error = 0;
            for (int i = 0; i < n; i++) {
                double e = h / 6 * (k1[i] - 2 * k2[i] + k3[i]);
                double scale = absoluteTolerance + relativeTolerance * Math.max(Math.abs(y[i]), Math.abs(next[i]));
                error += (e / scale) * (e / scale);
            }
            error = Math.sqrt(error / n);
            if (!Double.isFinite(error) || error > 1) {
                h *= Double.isFinite(error) ? Math.max(0.2, 0.9 * Math.pow(error, -1.0 / 3)) : 0.1;
                if (h < Math.ulp(Math.max(t, 1.0)) * 4) {
                    log.warn("gradient flow (rosenbrock): step underflow at time {} after {} steps", t, step - 1);
                    return;
                }
                continue;
            }
            t = t + h >= time * (1 - 1e-15) ? time : t + h;
            y = next;
            f0 = f2;
            unflatten(y, parameters);
            if (!observer.observe(step, parameters) || t >= time || stop(atNext.value(), f0)) {
                return;
            }
            step++;
            h *= Math.min(5, 0.9 * Math.pow(Math.max(error, 1e-300), -1.0 / 3));
            jacobian = jacobian(objective, scratch, y, f0);
        }
    }

    /**
     * {@code J = d(-grad f)/d theta} by forward differences from the known field {@code f0} at {@code y}, column by
     * column (P gradients). The error, about {@code 1e-8} relative, only perturbs W; Rosenbrock steps stay stable and
     * their error estimate stays meaningful with such a Jacobian.
     */
    private static double[][] jacobian(Objective objective, Blocks scratch, double[] y, double[] f0) {
        int n = y.length;
        double[][] jacobian = new double[n][n];
        double[] point = y.clone();
        for (int j = 0; j < n; j++) {
            double delta = 1.5e-8 * Math.max(Math.abs(y[j]), 1e-8);
            point[j] = y[j] + delta;
            delta = point[j] - y[j];
            unflatten(point, scratch);
            double[] plus = field(objective.evaluate(scratch).gradient(), n);
            point[j] = y[j];
            for (int i = 0; i < n; i++) {
                jacobian[i][j] = (plus[i] - f0[i]) / delta;
            }
        }
        return jacobian;
    }

    private static double[] solve(cern.colt.matrix.linalg.LUDecomposition lu, double[] b) {
        cern.colt.matrix.DoubleMatrix2D rhs = new cern.colt.matrix.impl.DenseDoubleMatrix2D(b.length, 1);
        rhs.viewColumn(0).assign(b);
        return lu.solve(rhs).viewColumn(0).toArray();
    }

    private boolean stop(double loss, double[] field) {
        if (lossTolerance > 0 && loss <= lossTolerance) {
            return true;
        }
        if (gradientTolerance > 0) {
            double squared = 0;
            for (double v : field) {
                squared += v * v;
            }
            return Math.sqrt(squared) <= gradientTolerance;
        }
        return false;
    }

    /** Hairer, Norsett, Wanner II.4: a step whose explicit Euler error is about the tolerance. */
    private double initialStep(Objective objective, Blocks scratch, double[] y, double[] f0) {
        int n = y.length;
        double d0 = 0;
        double d1 = 0;
        for (int i = 0; i < n; i++) {
            double scale = absoluteTolerance + relativeTolerance * Math.abs(y[i]);
            d0 += (y[i] / scale) * (y[i] / scale);
            d1 += (f0[i] / scale) * (f0[i] / scale);
        }
        d0 = Math.sqrt(d0 / n);
        d1 = Math.sqrt(d1 / n);
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.min(h0, time);
        double[] euler = new double[n];
        for (int i = 0; i < n; i++) {
            euler[i] = y[i] + h0 * f0[i];
        }
        unflatten(euler, scratch);
        double[] f1 = field(objective.evaluate(scratch).gradient(), n);
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            double scale = absoluteTolerance + relativeTolerance * Math.abs(y[i]);
            d2 += ((f1[i] - f0[i]) / scale) * ((f1[i] - f0[i]) / scale);
        }
        d2 = Math.sqrt(d2 / n) / h0;
        double h1 = Math.max(d1, d2) <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / Math.max(d1, d2), 0.2);
        return Math.min(Math.min(100 * h0, h1), time);
    }

    /** {@code -gradient}, flattened block by block, row by row. */
    private static double[] field(Blocks gradient, int n) {
        double[] f = flatten(gradient);
        if (f.length != n) {
            throw new IllegalStateException("the objective's gradient has " + f.length + " entries, the parameters " + n);
        }
        for (int i = 0; i < n; i++) {
            f[i] = -f[i];
        }
        return f;
    }

    static double[] flatten(Blocks blocks) {
        List<DoubleMatrix2D> list = blocks.list();
        int n = 0;
        for (DoubleMatrix2D block : list) {
            n += block.rows() * block.columns();
        }
        double[] out = new double[n];
        int index = 0;
        for (DoubleMatrix2D block : list) {
            for (int i = 0; i < block.rows(); i++) {
                for (int j = 0; j < block.columns(); j++) {
                    out[index++] = block.getQuick(i, j);
                }
            }
        }
        return out;
    }

    static void unflatten(double[] values, Blocks into) {
        int index = 0;
        for (DoubleMatrix2D block : into.list()) {
            for (int i = 0; i < block.rows(); i++) {
                for (int j = 0; j < block.columns(); j++) {
                    block.setQuick(i, j, values[index++]);
                }
            }
        }
    }

    public static final class Factory extends DeclaredFactory<Optimizer> implements OptimizerFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.real("time", null, Double.MIN_VALUE, Double.MAX_VALUE, "final time T of the flow"),
                Parameter.choice("method", "dormand-prince", List.of("dormand-prince", "rosenbrock"), "explicit"
                        + " Dormand-Prince 5(4), or L-stable Rosenbrock 2(3) with a finite-difference Hessian for stiff"
                        + " flows of up to a few hundred parameters"),
                Parameter.real("relative-tolerance", 1e-8, 1e-14, 1.0, "relative local error tolerance per step"),
                Parameter.real("absolute-tolerance", 1e-14, 0.0, Double.MAX_VALUE,
                        "absolute local error tolerance per step, for entries near zero"),
                Parameter.integer("max-steps", 1_000_000, 0, Integer.MAX_VALUE, "largest number of accepted steps"),
                Parameter.real("loss-tolerance", 0.0, 0.0, Double.MAX_VALUE, "stop once the objective is at most this"
                        + " (0: never)"),
                Parameter.real("gradient-tolerance", 0.0, 0.0, Double.MAX_VALUE, "stop once the gradient's Euclidean"
                        + " norm is at most this (0: never)"));

        public Factory() {
            super("gradient-flow",
                    "gradient flow integrated by adaptive Dormand-Prince 5(4) Runge-Kutta steps",
                    PARAMETERS);
        }

        @Override
        public Optimizer create(Config config, BuildContext context) {
            context.requireMeasurement("optimizer 'gradient-flow' needs a training objective");
            Method method = config.choice("method").equals("rosenbrock") ? Method.ROSENBROCK : Method.DORMAND_PRINCE;
            return new GradientFlow(method, config.real("time"), config.real("relative-tolerance"),
                    config.real("absolute-tolerance"), config.integer("max-steps"), config.real("loss-tolerance"),
                    config.real("gradient-tolerance"));
        }
    }
}
