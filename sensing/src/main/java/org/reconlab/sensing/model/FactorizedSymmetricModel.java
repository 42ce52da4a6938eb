package org.reconlab.sensing.model;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.Optional;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Model;
import org.reconlab.core.spi.ModelFactory;
import org.reconlab.core.spi.Objective;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;
import org.reconlab.core.spi.SquareLossObjective;
import org.reconlab.sensing.measurement.FactorOperator;

/**
 * {@code X = U U^T} with {@code U} d x k (block {@code U}); k >= r over-parameterizes, k = d fully. The training loss
 * is {@code f(U) = 1/4 ||A(U U^T) - y||^2} (Li, Ma and Zhang 2018), whose gradient is {@code A*(A(UU^T) - y) U} for
 * symmetric {@code A_i} and {@code (G + G^T) U} with {@code G = 1/2 A*(A(UU^T) - y)} in general.
 *
 * <p>Initializations: {@code small-random} {@code U0 = alpha G / sqrt(k)}, G Gaussian; {@code identity}
 * {@code U0 = alpha I} (d x k, ones on the leading diagonal); {@code spectral}: the top k eigenpairs
 * {@code (lambda_j, v_j)} of the symmetric part of {@code A*(y)}, {@code U0 = V diag(sqrt(max(lambda, 0)))}
 * (with normalized Gaussian operators {@code E A*(y) = X*}, so this is a rank-k estimate of {@code X*}).
 */
public final class FactorizedSymmetricModel implements Model {

    /** The block name of the factor. */
    public static final String U = "U";

    /** The 1/4 of {@code f(U) = 1/4 ||A(U U^T) - y||^2}. */
    public static final double LOSS_WEIGHT = 0.25;

    private final int d;
    private final int width;
    private final Initialization initialization;
    private final double scale;

    public FactorizedSymmetricModel(int d, int width, Initialization initialization, double scale) {
        if (d < 1 || width < 1 || width > d) {
            throw new IllegalArgumentException("need 1 <= width <= d, got d = " + d + ", width = " + width);
        }
        this.d = d;
        this.width = width;
        this.initialization = java.util.Objects.requireNonNull(initialization, "initialization is null");
        this.scale = scale;
    }

    public int width() {
        return width;
    }

    @Override
    public Shape signalShape() {
        return Shape.symmetric(d);
    }

    @Override
    public Blocks initialize(Optional<Observations> observations, SplittableRandom random) {
        DoubleMatrix2D u = switch (initialization) {
            case SMALL_RANDOM -> RandomMatrices.gaussian(d, width, scale / Math.sqrt(width), random);
            case IDENTITY -> MatrixOps.scaledIdentity(d, width, scale);
            case SPECTRAL -> spectral(observations.orElseThrow(
                    () -> new IllegalStateException("spectral initialization needs observations")));
        };
        return Blocks.of(U, u);
    }

    private DoubleMatrix2D spectral(Observations observations) {
        DoubleMatrix2D backprojection = observations.operator().adjoint(observations.values());
        Decompositions.Eigen top = Decompositions.topEigen(backprojection, width);
        DoubleMatrix2D u = new DenseDoubleMatrix2D(d, width);
        for (int j = 0; j < width; j++) {
            double s = Math.sqrt(Math.max(top.values().getQuick(j), 0));
            for (int i = 0; i < d; i++) {
                u.setQuick(i, j, s * top.vectors().getQuick(i, j));
            }
        }
        return u;
    }

    @Override
    public DoubleMatrix2D signal(Blocks parameters) {
        DoubleMatrix2D u = parameters.get(U);
        return MatrixOps.multTransB(u, u);
    }

    @Override
    public Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient) {
        DoubleMatrix2D u = parameters.get(U);
        DoubleMatrix2D symmetric = MatrixOps.symmetricPart(signalGradient);
        DoubleMatrix2D gradient = MatrixOps.mult(symmetric, u);
        gradient.assign(cern.jet.math.Functions.mult(2));
        return Blocks.of(U, gradient);
    }

    /** {@code 1/4 ||A(U U^T) - y||^2}; on factor kernels when the operator has them (rank-one projections). */
    @Override
    public Objective objective(Observations observations) {
        if (observations.operator() instanceof FactorOperator) {
            return new FactoredSquareLoss(observations, LOSS_WEIGHT, U, null);
        }
        return new SquareLossObjective(this, observations, LOSS_WEIGHT);
    }

    public static final class Factory extends DeclaredFactory<Model> implements ModelFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("width", null, 1, Integer.MAX_VALUE, "columns k of U (default: d, fully over-parameterized)"),
                Parameter.choice("init", "small-random", Initialization.specNames(),
                        "small-random (alpha G / sqrt(k)), identity (alpha I) or spectral (top-k eigenpairs of A*(y))"),
                Parameter.real("scale", 1e-3, 0.0, Double.MAX_VALUE, "initialization scale alpha (not used by spectral)"));

        public Factory() {
            super("factorized-symmetric", "X = U U^T with U d x k, loss 1/4 ||A(UU^T) - y||^2", PARAMETERS);
        }

        @Override
        public Model create(Config config, BuildContext context) {
            Shape truth = context.requireProblemShape("model 'factorized-symmetric' produces square symmetric matrices",
                    Shape.Kind.MATRIX, Shape.Kind.SYMMETRIC_MATRIX);
            if (truth.rows() != truth.columns()) {
                throw ConfigException.incompatible("model 'factorized-symmetric' produces square symmetric matrices,"
                        + " but problem '" + context.problemName() + "' draws a " + truth);
            }
            int d = truth.rows();
            int width = config.optionalInteger("width").orElse(d);
            if (width > d) {
                throw new ConfigException("width", "width " + width + " exceeds d = " + d);
            }
            Initialization init = Initialization.fromSpecName(config.choice("init"));
            if (init == Initialization.SPECTRAL && context.measurement().isEmpty()) {
                throw new ConfigException("init", "spectral initialization needs a measurement, and the spec has none");
            }
            return new FactorizedSymmetricModel(d, width, init, config.real("scale"));
        }
    }
}
