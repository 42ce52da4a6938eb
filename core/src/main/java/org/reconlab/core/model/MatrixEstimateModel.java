package org.reconlab.core.model;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.Optional;
import java.util.SplittableRandom;
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
 * The estimate itself as the parameter: one block {@code X} of the problem's signal shape, signal {@code X},
 * pullback the identity. What convex solvers that work on the whole signal (such as {@code nuclear-norm}) drive.
 */
public final class MatrixEstimateModel implements Model {

    /** The name of the one parameter block. */
    public static final String BLOCK = "X";

    /** How the estimate starts. */
    public enum Init {
        /** All zeros. */
        ZERO,
        /** {@code A*(y)}, the back-projection of the observations. */
        ADJOINT
    }

    private final Shape shape;
    private final Init init;

    public MatrixEstimateModel(Shape shape, Init init) {
        this.shape = requireNonNull(shape, "shape is null");
        this.init = requireNonNull(init, "init is null");
        if (shape.kind() == Shape.Kind.FUNCTION) {
            throw new IllegalArgumentException("a matrix estimate needs an array shape, got " + shape);
        }
    }

    @Override
    public Shape signalShape() {
        return shape;
    }

    @Override
    public Blocks initialize(Optional<Observations> observations, SplittableRandom random) {
        DoubleMatrix2D x = switch (init) {
            case ZERO -> new DenseDoubleMatrix2D(shape.rows(), shape.columns() * shape.depth());
            case ADJOINT -> {
                Observations o = observations.orElseThrow(
                        () -> new IllegalStateException("init 'adjoint' needs observations"));
                yield o.operator().adjoint(o.values());
            }
        };
        return Blocks.of(BLOCK, x);
    }

    /** A copy of the block, so that callers may keep it while an optimizer updates the block in place. */
    @Override
    public DoubleMatrix2D signal(Blocks parameters) {
        return parameters.get(BLOCK).copy();
    }

    @Override
    public Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient) {
        return Blocks.of(BLOCK, signalGradient.copy());
    }

    public static final class Factory implements ModelFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.choice("init", "zero", java.util.List.of("zero", "adjoint"),
                        "start from zeros or from the back-projection A*(y)"));

        @Override
        public String name() {
            return "matrix-estimate";
        }

        @Override
        public String description() {
            return "the signal itself as the one parameter block X (for convex solvers on the whole matrix)";
        }

        @Override
        public Parameters parameters() {
            return PARAMETERS;
        }

        @Override
        public Model create(Config config, BuildContext context) {
            Shape shape = context.requireProblemShape("model 'matrix-estimate' holds an array", Shape.Kind.VECTOR,
                    Shape.Kind.MATRIX, Shape.Kind.SYMMETRIC_MATRIX, Shape.Kind.TENSOR);
            Init init = config.choice("init").equals("adjoint") ? Init.ADJOINT : Init.ZERO;
            if (init == Init.ADJOINT && context.measurement().isEmpty()) {
                throw new ConfigException("init", "init 'adjoint' needs a measurement, and the spec has none");
            }
            return new MatrixEstimateModel(shape, init);
        }
    }
}
