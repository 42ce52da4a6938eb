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
 * {@code X = U V^T} with {@code U} d1 x k and {@code V} d2 x k (blocks {@code U}, {@code V}), loss
 * {@code 1/2 ||A(U V^T) - y||^2}, gradient {@code (G V, G^T U)} with {@code G = A*(A(UV^T) - y)} (docs/science.md §1).
 * Under gradient flow {@code U^T U - V^T V} is conserved, which is why small random initialization stays balanced.
 *
 * <p>Initializations: {@code small-random} draws {@code U0 = alpha G1 / sqrt(k)}, then {@code V0 = alpha G2 / sqrt(k)};
 * {@code identity} sets both to {@code alpha I} (ones on the leading diagonal); {@code spectral} takes the top k
 * singular triples of {@code A*(y)}: {@code U0 = P diag(sqrt(s))}, {@code V0 = Q diag(sqrt(s))}.
 */
public final class FactorizedAsymmetricModel implements Model {

    public static final String U = "U";
    public static final String V = "V";

    private final int d1;
    private final int d2;
    private final int width;
    private final Initialization initialization;
    private final double scale;

    public FactorizedAsymmetricModel(int d1, int d2, int width, Initialization initialization, double scale) {
        if (d1 < 1 || d2 < 1 || width < 1) {
            throw new IllegalArgumentException("need positive sizes, got " + d1 + " x " + d2 + ", width " + width);
        }
        if (initialization == Initialization.SPECTRAL && width > Math.min(d1, d2)) {
            throw new IllegalArgumentException("spectral initialization needs width <= min(d1, d2) = "
                    + Math.min(d1, d2) + ", got " + width);
        }
        this.d1 = d1;
        this.d2 = d2;
        this.width = width;
        this.initialization = java.util.Objects.requireNonNull(initialization, "initialization is null");
        this.scale = scale;
    }

    public int width() {
        return width;
    }

    @Override
    public Shape signalShape() {
        return Shape.matrix(d1, d2);
    }

    @Override
    public Blocks initialize(Optional<Observations> observations, SplittableRandom random) {
        return switch (initialization) {
            case SMALL_RANDOM -> {
                double sigma = scale / Math.sqrt(width);
                DoubleMatrix2D u = RandomMatrices.gaussian(d1, width, sigma, random);
                yield Blocks.of(U, u, V, RandomMatrices.gaussian(d2, width, sigma, random));
            }
            case IDENTITY -> Blocks.of(U, MatrixOps.scaledIdentity(d1, width, scale),
                    V, MatrixOps.scaledIdentity(d2, width, scale));
            case SPECTRAL -> spectral(observations.orElseThrow(
                    () -> new IllegalStateException("spectral initialization needs observations")));
        };
    }

    private Blocks spectral(Observations observations) {
        Decompositions.Svd svd = Decompositions.svd(observations.operator().adjoint(observations.values()));
        DoubleMatrix2D u = new DenseDoubleMatrix2D(d1, width);
        DoubleMatrix2D v = new DenseDoubleMatrix2D(d2, width);
        for (int l = 0; l < width; l++) {
            double s = Math.sqrt(svd.singularValues().getQuick(l));
            for (int i = 0; i < d1; i++) {
                u.setQuick(i, l, s * svd.u().getQuick(i, l));
            }
            for (int i = 0; i < d2; i++) {
                v.setQuick(i, l, s * svd.v().getQuick(i, l));
            }
        }
        return Blocks.of(U, u, V, v);
    }

    @Override
    public DoubleMatrix2D signal(Blocks parameters) {
        return MatrixOps.multTransB(parameters.get(U), parameters.get(V));
    }

    @Override
    public Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient) {
        return Blocks.of(U, MatrixOps.mult(signalGradient, parameters.get(V)),
                V, MatrixOps.multTransA(signalGradient, parameters.get(U)));
    }

    /** {@code 1/2 ||A(U V^T) - y||^2}; on factor kernels when the operator has them. */
    @Override
    public Objective objective(Observations observations) {
        if (observations.operator() instanceof FactorOperator) {
            return new FactoredSquareLoss(observations, 0.5, U, V);
        }
        return new SquareLossObjective(this, observations, 0.5);
    }

    public static final class Factory extends DeclaredFactory<Model> implements ModelFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("width", null, 1, Integer.MAX_VALUE,
                        "columns k of U and V (default: min(d1, d2), fully over-parameterized)"),
                Parameter.choice("init", "small-random", Initialization.specNames(),
                        "small-random (alpha G / sqrt(k) for both), identity (alpha I) or spectral (top-k SVD of A*(y))"),
                Parameter.real("scale", 1e-3, 0.0, Double.MAX_VALUE, "initialization scale alpha (not used by spectral)"));

        public Factory() {
            super("factorized-asymmetric", "X = U V^T with U d1 x k, V d2 x k, loss 1/2 ||A(UV^T) - y||^2", PARAMETERS);
        }

        @Override
        public Model create(Config config, BuildContext context) {
            Shape truth = context.requireProblemShape("model 'factorized-asymmetric' produces matrices",
                    Shape.Kind.MATRIX, Shape.Kind.SYMMETRIC_MATRIX);
            int width = config.optionalInteger("width").orElse(Math.min(truth.rows(), truth.columns()));
            Initialization init = Initialization.fromSpecName(config.choice("init"));
            if (init == Initialization.SPECTRAL) {
                if (context.measurement().isEmpty()) {
                    throw new ConfigException("init", "spectral initialization needs a measurement, and the spec has none");
                }
                if (width > Math.min(truth.rows(), truth.columns())) {
                    throw new ConfigException("width", "spectral initialization takes at most min(d1, d2) = "
                            + Math.min(truth.rows(), truth.columns()) + " singular triples, width is " + width);
                }
            }
            return new FactorizedAsymmetricModel(truth.rows(), truth.columns(), width, init, config.real("scale"));
        }
    }
}
