package org.reconlab.core.model;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.ByteCounts;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.ModelFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;

/**
 * The estimate itself as the parameter: one block {@code X} of the problem's signal shape, signal {@code X},
 * pullback the identity, so the loss is {@code 1/2 ||A(X) - y||^2}. What solvers that work on the whole signal drive:
 * projected gradient descent, nuclear norm minimization, closed-form reconstructions. For a symmetric problem the
 * signal is the symmetric part {@code (X + X^T)/2} and the gradient is symmetrized, so a symmetric start stays
 * symmetric.
 */
public final class MatrixEstimateModel implements Model {

    /** The name of the one parameter block. */
    public static final String BLOCK = "X";

    /** How the estimate starts. */
    public enum Init {
        /** All zeros. */
        ZERO,
        /** {@code A*(y)}, the back-projection of the observations. */
        ADJOINT,
        /** {@code alpha G}, G with independent standard Gaussian entries. */
        SMALL_RANDOM,
        /** {@code alpha I}, rectangular when the shape is. */
        IDENTITY;

        static Init fromSpecName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private final Shape shape;
    private final Init init;
    private final double scale;

    /**
     * @param scale alpha of {@link Init#SMALL_RANDOM} and {@link Init#IDENTITY}; unused by the others
     */
    public MatrixEstimateModel(Shape shape, Init init, double scale) {
        this.shape = requireNonNull(shape, "shape is null");
        this.init = requireNonNull(init, "init is null");
        if (shape.kind() == Shape.Kind.FUNCTION) {
            throw new IllegalArgumentException("a matrix estimate needs an array shape, got " + shape);
        }
        if (!(scale >= 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be >= 0 and finite, got " + scale);
        }
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
        int rows = shape.rows();
        int columns = shape.columns() * shape.depth();
        DoubleMatrix2D x = switch (init) {
            case ZERO -> new DenseDoubleMatrix2D(rows, columns);
            case ADJOINT -> {
                Observations o = observations.orElseThrow(
                        () -> new IllegalStateException("init 'adjoint' needs observations"));
                yield o.operator().adjoint(o.values());
            }
            case SMALL_RANDOM -> RandomMatrices.gaussian(rows, columns, scale, random);
            case IDENTITY -> MatrixOps.scaledIdentity(rows, columns, scale);
        };
        return Blocks.of(BLOCK, symmetric() ? MatrixOps.symmetricPart(x) : x);
    }

    /** The block and the copy {@link #signal} gives the metrics: two signals. */
    @Override
    public long estimatedBytes() {
        return ByteCounts.times(2, ByteCounts.doubles(shape.size()));
    }

    /** A copy of the block, so that callers may keep it while an optimizer updates the block in place. */
    @Override
    public DoubleMatrix2D signal(Blocks parameters) {
        DoubleMatrix2D x = parameters.get(BLOCK);
        return symmetric() ? MatrixOps.symmetricPart(x) : x.copy();
    }

    @Override
    public Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient) {
        return Blocks.of(BLOCK, symmetric() ? MatrixOps.symmetricPart(signalGradient) : signalGradient.copy());
    }

    public static final class Factory extends DeclaredFactory<Model> implements ModelFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.choice("init", "zero", List.of("zero", "adjoint", "small-random", "identity"),
                        "zero, the back-projection A*(y), small-random (alpha G) or identity (alpha I)"),
                Parameter.real("scale", 1e-3, 0.0, Double.MAX_VALUE, "initialization scale alpha (small-random, identity)"));

        public Factory() {
            super("matrix-estimate",
                    "the signal itself as the one parameter block X, loss 1/2 ||A(X) - y||^2 (for projected gradient,"
                            + " convex solvers and reconstructions)",
                    PARAMETERS);
        }

        @Override
        public Model create(Config config, BuildContext context) {
            Shape shape = context.requireProblemShape("model 'matrix-estimate' holds an array", Shape.Kind.VECTOR,
                    Shape.Kind.MATRIX, Shape.Kind.SYMMETRIC_MATRIX, Shape.Kind.TENSOR);
            Init init = Init.fromSpecName(config.choice("init"));
            if (init == Init.ADJOINT && context.measurement().isEmpty()) {
                throw new ConfigException("init", "init 'adjoint' needs a measurement, and the spec has none");
            }
            return new MatrixEstimateModel(shape, init, config.real("scale"));
        }
    }
}
