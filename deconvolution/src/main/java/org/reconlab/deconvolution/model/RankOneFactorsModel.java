package org.reconlab.deconvolution.model;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.List;
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
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;

/**
 * The non-convex model of blind deconvolution: parameters {@code h} (K x 1) and {@code m} (N x 1), signal
 * {@code h m^T}, trained by gradient descent on {@code 1/2 ||A(h m^T) - y||^2} (the default objective). The chain rule
 * gives {@code grad_h = G m}, {@code grad_m = G^T h} for the signal gradient {@code G = A*(A(h m^T) - y)}.
 *
 * <p>Initializations: {@code spectral}, the top singular pair {@code (s, u, v)} of {@code A*(y)} split evenly,
 * {@code h = sqrt(s) u}, {@code m = sqrt(s) v} (since {@code E A*(A(X)) = X} for this operator's normalization,
 * {@code A*(y)} is an unbiased estimate of {@code h m^T}; Li, Ling, Strohmer and Wei 2019, "Rapid, robust, and
 * reliable blind deconvolution via nonconvex optimization"), and {@code random}, independent uniformly random
 * directions with norms {@code sqrt(scale)}. Vanilla gradient descent from the spectral start converges without
 * explicit regularization (Ma, Wang, Chi and Chen 2020, "Implicit regularization in nonconvex statistical
 * estimation").
 */
public final class RankOneFactorsModel implements Model {

    /** How the factors start. */
    public enum Init {
        SPECTRAL, RANDOM
    }

    private final int k;
    private final int n;
    private final Init init;
    private final double scale;

    public RankOneFactorsModel(int k, int n, Init init, double scale) {
        if (k < 1 || n < 1) {
            throw new IllegalArgumentException("K and N must be >= 1, got K = " + k + ", N = " + n);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be finite and > 0, got " + scale);
        }
        this.k = k;
        this.n = n;
        this.init = init;
        this.scale = scale;
    }

    @Override
    public Shape signalShape() {
        return Shape.matrix(k, n);
    }

    @Override
    public Blocks initialize(Optional<Observations> observations, SplittableRandom random) {
        return switch (init) {
            case SPECTRAL -> {
                Observations o = observations.orElseThrow(() -> new IllegalStateException("spectral init needs observations"));
                Decompositions.Svd svd = Decompositions.svd(o.operator().adjoint(o.values()));
                double root = Math.sqrt(svd.singularValues().getQuick(0));
                DoubleMatrix2D h = svd.u().viewPart(0, 0, k, 1).copy().assign(cern.jet.math.Functions.mult(root));
                DoubleMatrix2D m = svd.v().viewPart(0, 0, n, 1).copy().assign(cern.jet.math.Functions.mult(root));
                yield Blocks.of("h", h, "m", m);
            }
            case RANDOM -> Blocks.of("h", randomVector(k, random), "m", randomVector(n, random));
        };
    }

    private DoubleMatrix2D randomVector(int size, SplittableRandom random) {
        DoubleMatrix2D v = RandomMatrices.gaussian(size, 1, 1, random);
        return v.assign(cern.jet.math.Functions.mult(Math.sqrt(scale) / MatrixOps.frobeniusNorm(v)));
    }

    @Override
    public DoubleMatrix2D signal(Blocks parameters) {
        return MatrixOps.multTransB(parameters.get("h"), parameters.get("m"));
    }

    @Override
    public Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient) {
        DoubleMatrix2D gradientH = MatrixOps.mult(signalGradient, parameters.get("m"));
        DoubleMatrix2D gradientM = MatrixOps.multTransA(signalGradient, parameters.get("h"));
        return Blocks.of("h", gradientH, "m", gradientM);
    }

    public static final class Factory extends DeclaredFactory<Model> implements ModelFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.choice("init", "spectral", List.of("spectral", "random"),
                        "top singular pair of A*(y), or random directions"),
                Parameter.real("scale", 1.0, Double.MIN_VALUE, Double.MAX_VALUE,
                        "||h||^2 = ||m||^2 = scale at a random start"));

        public Factory() {
            super("rank-one-factors",
                    "blind deconvolution factors (h, m) with signal h m^T; spectral or random start",
                    PARAMETERS);
        }

        @Override
        public Model create(Config config, BuildContext context) {
            Shape shape = context.requireProblemShape("model 'rank-one-factors' produces a matrix h m^T",
                    Shape.Kind.MATRIX);
            Init init = config.choice("init").equals("random") ? Init.RANDOM : Init.SPECTRAL;
            if (init == Init.SPECTRAL && context.measurement().isEmpty()) {
                throw new ConfigException("init", "init 'spectral' needs a measurement, and the spec has none");
            }
            return new RankOneFactorsModel(shape.rows(), shape.columns(), init, config.real("scale"));
        }
    }
}
