package org.reconlab.networks.relu;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.Optional;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.ModelFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;

/**
 * The state of a Lipschitz search on a network {@code Phi: R^d -> R}: one parameter block {@code x} (d x 1), the
 * input at which {@code ||grad Phi(x)||_q} is probed, and the geometry of the question, the exponent {@code p} of the
 * input norm ({@code 1/p + 1/q = 1}; the l^p Lipschitz constant is {@code sup_x ||grad Phi(x)||_q}).
 *
 * <p>Why a model: every pipeline drives a model's parameters, and for this experiment the thing that moves is the
 * input point, not the network (the network is the problem's ground truth). Holding {@code p} here puts it in one
 * sweepable place ({@code model.p}) that the optimizer and every Lipschitz metric read, so they cannot disagree.
 *
 * <p>{@link #initialize} draws a start {@code x ~ N(0, scale^2 I_d)}; a multi-start optimizer draws its further
 * starts the same way from its own stream. The signal is {@code x} itself (a vector of length d).
 */
public final class LipschitzProbe implements Model {

    private final int inputDimension;
    private final double p;
    private final double scale;

    public LipschitzProbe(int inputDimension, double p, double scale) {
        if (inputDimension < 1) {
            throw new IllegalArgumentException("input dimension must be >= 1, got " + inputDimension);
        }
        if (!(p >= 1)) {
            throw new IllegalArgumentException("p must be in [1, inf], got " + p);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be finite and > 0, got " + scale);
        }
        this.inputDimension = inputDimension;
        this.p = p;
        this.scale = scale;
    }

    /** The exponent of the input norm, in {@code [1, inf]}. */
    public double p() {
        return p;
    }

    /** The dual exponent {@code q = p / (p - 1)}: 1 for {@code p = inf}, inf for {@code p = 1}. */
    public double q() {
        return dual(p);
    }

    /** {@code p / (p - 1)}, with {@code 1 <-> inf}. */
    public static double dual(double p) {
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(p)) {
            return 1;
        }
        return p / (p - 1);
    }

    public int inputDimension() {
        return inputDimension;
    }

    /** The input point of {@code parameters}, as an array. */
    public double[] point(Blocks parameters) {
        return parameters.get("x").viewColumn(0).toArray();
    }

    @Override
    public Shape signalShape() {
        return Shape.vector(inputDimension);
    }

    @Override
    public Blocks initialize(Optional<Observations> observations, SplittableRandom random) {
        return Blocks.of("x", RandomMatrices.gaussian(inputDimension, 1, scale, random));
    }

    @Override
    public DoubleMatrix2D signal(Blocks parameters) {
        return parameters.get("x").copy();
    }

    @Override
    public Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient) {
        return Blocks.of("x", signalGradient.copy());
    }

    public static final class Factory extends DeclaredFactory<Model> implements ModelFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.real("p", 2.0, 1.0, Double.POSITIVE_INFINITY, "exponent of the input norm l^p, in [1, inf]"
                        + " (.inf in YAML); the Lipschitz constant is sup ||grad Phi||_q with 1/p + 1/q = 1"),
                Parameter.real("scale", 1.0, Double.MIN_VALUE, Double.MAX_VALUE,
                        "standard deviation of the entries of a random start x"));

        public Factory() {
            super("lipschitz-probe",
                    "input point x of a network (block x) and the norm l^p in which its Lipschitz constant is sought",
                    PARAMETERS);
        }

        @Override
        public Model create(Config config, BuildContext context) {
            Shape shape = context.requireProblemShape("model 'lipschitz-probe' probes a function's gradient",
                    Shape.Kind.FUNCTION);
            return new LipschitzProbe(shape.rows(), config.real("p"), config.real("scale"));
        }
    }
}
