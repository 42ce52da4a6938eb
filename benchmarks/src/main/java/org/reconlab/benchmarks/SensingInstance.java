package org.reconlab.benchmarks;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.optim.GradientDescent;
import org.reconlab.core.problem.PsdLowRankProblem;
import org.reconlab.core.problem.Spectrum;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.LinearOperator;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.Objective;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Shape;
import org.reconlab.sensing.measurement.GaussianMeasurement;
import org.reconlab.sensing.model.FactorizedSymmetricModel;
import org.reconlab.sensing.model.Initialization;

/**
 * One over-parameterized PSD sensing instance (Li, Ma and Zhang 2018; docs/science.md §1) and reconlab's gradient
 * step on it, exactly as an experiment runs it: the model's objective ({@code 1/4 ||A(U U^T) - y||^2}) evaluated
 * through the operator's fused residual adjoint and the model's pullback, then {@link GradientDescent#step}.
 */
public final class SensingInstance {

    private final int d;
    private final Observations observations;
    private final Objective objective;
    private final Blocks parameters;

    /** The instance of an operator, its observations and a start {@code U0} (d x k); U0 is copied. */
    public SensingInstance(LinearOperator operator, DoubleMatrix1D y, DoubleMatrix2D u0) {
        requireNonNull(operator, "operator is null");
        this.d = operator.domain().rows();
        this.observations = new Observations(operator, y, new DenseDoubleMatrix1D(y.size()));
        FactorizedSymmetricModel model = new FactorizedSymmetricModel(d, u0.columns(), Initialization.SMALL_RANDOM, 1);
        this.objective = model.objective(observations);
        this.parameters = Blocks.of(FactorizedSymmetricModel.U, u0.copy());
    }

    /**
     * A seeded instance: {@code X* = U* U*^T} of rank r with eigenvalues 1, Gaussian measurements (packed symmetric
     * storage when {@code packed}, dense otherwise), {@code U0} small random d x d.
     */
    public static SensingInstance seeded(int d, int r, int m, boolean packed, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        GroundTruth truth = new PsdLowRankProblem(d, Spectrum.of(r, 1, Spectrum.Spacing.LINEAR))
                .draw(random.split());
        Measurement measurement = new GaussianMeasurement(Shape.matrix(d, d), m, 0);
        if (packed) {
            measurement = measurement.onSymmetricSignals();
        }
        Observations observed = measurement.observe(truth, random.split());
        DoubleMatrix2D u0 = RandomMatrices.gaussian(d, d, 1e-3 / Math.sqrt(d), random.split());
        return new SensingInstance(observed.operator(), observed.values(), u0);
    }

    public int d() {
        return d;
    }

    public LinearOperator operator() {
        return observations.operator();
    }

    /** The observations {@code y}. */
    public DoubleMatrix1D values() {
        return observations.values();
    }

    /** The current factor U (updated in place by {@link #step}). */
    public DoubleMatrix2D u() {
        return parameters.get(FactorizedSymmetricModel.U);
    }

    /** One gradient step {@code U <- U - eta grad f(U)}; returns the loss at the old U. */
    public double step(double eta) {
        Objective.Evaluation evaluation = objective.evaluate(parameters);
        GradientDescent.step(parameters, evaluation.gradient(), eta);
        return evaluation.value();
    }
}
