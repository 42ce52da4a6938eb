package org.reconlab.core.optim;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.List;
import java.util.OptionalDouble;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.IterationObserver;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.OptimizationTask;
import org.reconlab.core.spi.Optimizer;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;

/**
 * The optimizer {@code nuclear-norm}: {@code min ||X||_* s.t. ||A(X) - y||_2 <= eta} on the training observations,
 * solved by {@link NuclearNormSolver} (see there for the method, its stopping rule and the accuracy it guarantees).
 *
 * <p>It works with any measurement and any model whose one parameter block is its signal (such as
 * {@code matrix-estimate}): it checks, before the first step, that the model maps a probe block to itself. Each inner
 * iteration of the solver is one reported iteration; the block holds the current iterate.
 *
 * <p>The bound {@code eta}: {@code noise-norm} uses the norm of the noise the measurement actually added (so the
 * truth is feasible, the usual oracle choice of the recovery literature), {@code equality} uses 0, and {@code eta}
 * a fixed value from the spec.
 */
public final class NuclearNormMinimization implements Optimizer {

    /** Where {@code eta} comes from. */
    public enum Bound {
        NOISE_NORM, EQUALITY, FIXED
    }

    private final NuclearNormSolver solver;
    private final Bound bound;
    private final double eta;

    /** @param eta the bound for {@link Bound#FIXED}; ignored otherwise */
    public NuclearNormMinimization(NuclearNormSolver solver, Bound bound, double eta) {
        this.solver = requireNonNull(solver, "solver is null");
        this.bound = requireNonNull(bound, "bound is null");
        if (!(eta >= 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be finite and >= 0, got " + eta);
        }
        this.eta = eta;
    }

    @Override
    public void run(OptimizationTask task, IterationObserver observer) {
        Observations observations = task.requireObservations();
        Blocks parameters = task.parameters();
        DoubleMatrix2D block = requireSignalBlock(task.model(), parameters);
        double bound = switch (this.bound) {
            case NOISE_NORM -> MatrixOps.norm(observations.noise());
            case EQUALITY -> 0;
            case FIXED -> eta;
        };
        solver.solve(observations.operator(), observations.values(), bound, block.copy(), task.random(), (k, x) -> {
            block.assign(x);
            return observer.observe(k, parameters);
        });
    }

    /**
     * The one block of a model whose signal is that block.
     *
     * @throws IllegalArgumentException if the model has several blocks or maps a probe block to something else
     */
    static DoubleMatrix2D requireSignalBlock(Model model, Blocks parameters) {
        List<String> names = parameters.names();
        if (names.size() != 1) {
            throw new IllegalArgumentException("optimizer 'nuclear-norm' needs a model whose one parameter block is its"
                    + " signal (such as 'matrix-estimate'); this model has blocks " + names);
        }
        DoubleMatrix2D block = parameters.get(names.get(0));
        boolean symmetric = model.signalShape().kind() == Shape.Kind.SYMMETRIC_MATRIX;
        DoubleMatrix2D probe = block.like();
        for (int i = 0; i < probe.rows(); i++) {
            for (int j = 0; j < probe.columns(); j++) {
                // Distinct entries, symmetric when the model produces symmetric matrices.
                int a = symmetric ? Math.min(i, j) : i;
                int b = symmetric ? Math.max(i, j) : j;
                probe.setQuick(i, j, 1 + a * probe.columns() + b);
            }
        }
        DoubleMatrix2D signal = model.signal(Blocks.of(names.get(0), probe));
        if (signal.rows() != probe.rows() || signal.columns() != probe.columns()
                || MatrixOps.distance(signal, probe) > 1e-12 * MatrixOps.frobeniusNorm(probe)) {
            throw new IllegalArgumentException("optimizer 'nuclear-norm' needs a model whose one parameter block '"
                    + names.get(0) + "' is its signal (such as 'matrix-estimate'); this model maps the block to"
                    + " something else");
        }
        return block;
    }

    public static final class Factory extends DeclaredFactory<Optimizer> implements OptimizerFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.choice("constraint", "noise-norm", List.of("noise-norm", "equality", "eta"),
                        "the bound eta in ||A(X) - y|| <= eta: the added noise's norm, 0, or the value of 'eta'"),
                Parameter.real("eta", null, 0, Double.MAX_VALUE, "the bound when constraint is 'eta'"),
                Parameter.real("smoothing", 3.0, Double.MIN_VALUE, Double.MAX_VALUE,
                        "dimensionless smoothing weight mu ||A*(y)||_op of the dual method (speed only, not the answer)"),
                Parameter.real("tolerance", 1e-6, Double.MIN_VALUE, 0.5,
                        "relative tolerance of the stopping rule (residual and step of the outer loop)"),
                Parameter.integer("iterations", 10_000, 0, Integer.MAX_VALUE,
                        "budget of inner iterations (each one SVD, one A and one A*)"));

        public Factory() {
            super("nuclear-norm",
                    "min ||X||_* s.t. ||A(X) - y|| <= eta, by the smoothed dual with continuation (TFOCS)",
                    PARAMETERS);
        }

        @Override
        public Optimizer create(Config config, BuildContext context) {
            context.requireMeasurement("optimizer 'nuclear-norm' needs observations");
            context.requireModelShape("optimizer 'nuclear-norm' minimizes the nuclear norm of a matrix",
                    Shape.Kind.MATRIX, Shape.Kind.SYMMETRIC_MATRIX);
            String constraint = config.choice("constraint");
            OptionalDouble eta = config.optionalReal("eta");
            if (constraint.equals("eta") && eta.isEmpty()) {
                throw new ConfigException("eta", "constraint 'eta' needs a value for 'eta'");
            }
            if (!constraint.equals("eta") && eta.isPresent()) {
                throw new ConfigException("eta", "'eta' is only used with constraint 'eta', but constraint is '"
                        + constraint + "'");
            }
            Bound bound = switch (constraint) {
                case "equality" -> Bound.EQUALITY;
                case "eta" -> Bound.FIXED;
                default -> Bound.NOISE_NORM;
            };
            NuclearNormSolver solver = new NuclearNormSolver(config.real("smoothing"), config.real("tolerance"),
                    config.integer("iterations"));
            return new NuclearNormMinimization(solver, bound, eta.orElse(0));
        }
    }
}
