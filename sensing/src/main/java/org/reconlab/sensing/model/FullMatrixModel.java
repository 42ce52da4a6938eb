package org.reconlab.sensing.model;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.ModelFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;

/**
 * The matrix itself as the parameter (block {@code X}), loss {@code 1/2 ||A(X) - y||^2}: the model of projected
 * gradient descent and of convex baselines. For a symmetric problem the signal is the symmetric part
 * {@code (X + X^T)/2} and the gradient is symmetrized, so a symmetric start stays symmetric.
 *
 * <p>Initializations: {@code zero}; {@code small-random} {@code alpha G}; {@code identity} {@code alpha I};
 * {@code spectral} the back-projection {@code A*(y)} (its symmetric part for symmetric problems).
 */
public final class FullMatrixModel implements Model {

    public static final String X = "X";

    /** The initializations of this model. */
    public static final List<String> INITIALIZATIONS = List.of("zero", "small-random", "identity", "spectral");

    private final Shape shape;
    private final String initialization;
    private final double scale;

    public FullMatrixModel(Shape shape, String initialization, double scale) {
        if (shape.kind() != Shape.Kind.MATRIX && shape.kind() != Shape.Kind.SYMMETRIC_MATRIX) {
            throw new IllegalArgumentException("full-matrix model takes a matrix shape, got " + shape);
        }
        if (!INITIALIZATIONS.contains(initialization)) {
            throw new IllegalArgumentException("unknown initialization '" + initialization + "'; allowed: "
                    + INITIALIZATIONS);
        }
        this.shape = shape;
        this.initialization = initialization;
        this.scale = scale;
    }

    private boolean symmetric() {
        return shape.kind() == Shape.Kind.SYMMETRIC_MATRIX;
    }

    @Override
    public Shape signalShape() {
        return shape;
    }

    @Override
    public Blocks initialize(Optional<Observations> observations, SplittableRandom random) {
        DoubleMatrix2D x = switch (initialization) {
            case "zero" -> new cern.colt.matrix.impl.DenseDoubleMatrix2D(shape.rows(), shape.columns());
            case "small-random" -> RandomMatrices.gaussian(shape.rows(), shape.columns(), scale, random);
            case "identity" -> MatrixOps.scaledIdentity(shape.rows(), shape.columns(), scale);
            case "spectral" -> {
                Observations o = observations.orElseThrow(
                        () -> new IllegalStateException("spectral initialization needs observations"));
                yield o.operator().adjoint(o.values());
            }
            default -> throw new IllegalStateException(initialization);
        };
        return Blocks.of(X, symmetric() ? MatrixOps.symmetricPart(x) : x);
    }

    @Override
    public DoubleMatrix2D signal(Blocks parameters) {
        DoubleMatrix2D x = parameters.get(X);
        return symmetric() ? MatrixOps.symmetricPart(x) : x.copy();
    }

    @Override
    public Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient) {
        return Blocks.of(X, symmetric() ? MatrixOps.symmetricPart(signalGradient) : signalGradient.copy());
    }

    public static final class Factory implements ModelFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.choice("init", "zero", INITIALIZATIONS,
                        "zero, small-random (alpha G), identity (alpha I) or spectral (A*(y))"),
                Parameter.real("scale", 1e-3, 0.0, Double.MAX_VALUE, "initialization scale alpha (small-random, identity)"));

        @Override
        public String name() {
            return "full-matrix";
        }

        @Override
        public String description() {
            return "the matrix X itself, loss 1/2 ||A(X) - y||^2 (for projected gradient and convex baselines)";
        }

        @Override
        public Parameters parameters() {
            return PARAMETERS;
        }

        @Override
        public Model create(Config config, BuildContext context) {
            Shape truth = context.requireProblemShape("model 'full-matrix' holds a matrix",
                    Shape.Kind.MATRIX, Shape.Kind.SYMMETRIC_MATRIX);
            String init = config.choice("init");
            if (init.equals("spectral") && context.measurement().isEmpty()) {
                throw new ConfigException("init", "spectral initialization needs a measurement, and the spec has none");
            }
            return new FullMatrixModel(truth, init, config.real("scale"));
        }
    }
}
