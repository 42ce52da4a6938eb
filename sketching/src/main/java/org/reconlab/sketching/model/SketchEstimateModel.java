package org.reconlab.sketching.model;

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
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;

/**
 * The estimate itself as the only parameter block {@code X} (a matrix, or a tensor's unfolding), starting at zero:
 * what a closed-form reconstruction writes its result into. The signal is the block, and the chain rule is the
 * identity.
 */
public final class SketchEstimateModel implements Model {

    /** The name of the single parameter block. */
    public static final String BLOCK = "X";

    private final Shape shape;

    public SketchEstimateModel(Shape shape) {
        this.shape = requireNonNull(shape, "shape is null");
    }

    @Override
    public Shape signalShape() {
        return shape;
    }

    @Override
    public Blocks initialize(Optional<Observations> observations, SplittableRandom random) {
        return Blocks.of(BLOCK, new DenseDoubleMatrix2D(shape.rows(), shape.columns() * shape.depth()));
    }

    /** The block itself, not a copy. */
    @Override
    public DoubleMatrix2D signal(Blocks parameters) {
        return parameters.get(BLOCK);
    }

    @Override
    public Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient) {
        return Blocks.of(BLOCK, signalGradient.copy());
    }

    public static final class Factory implements ModelFactory {
        @Override
        public String name() {
            return "sketch-estimate";
        }

        @Override
        public String description() {
            return "holds the estimate X_hat of a sketch reconstruction (a matrix or a tensor), starting at zero";
        }

        @Override
        public Parameters parameters() {
            return Parameters.of();
        }

        @Override
        public Model create(Config config, BuildContext context) {
            Shape shape = context.signalShape();
            if (shape.kind() == Shape.Kind.VECTOR || shape.kind() == Shape.Kind.FUNCTION) {
                throw ConfigException.incompatible("model 'sketch-estimate' holds a matrix or tensor, but problem '"
                        + context.problemName() + "' draws a " + shape);
            }
            return new SketchEstimateModel(shape);
        }
    }
}
