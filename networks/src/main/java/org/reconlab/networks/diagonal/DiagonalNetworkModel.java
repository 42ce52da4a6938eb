package org.reconlab.networks.diagonal;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.Optional;
import java.util.SplittableRandom;
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
 * A diagonal linear network of depth D: {@code w = u^D - v^D} (entrywise powers), blocks {@code u} and {@code v}
 * (d x 1), started at {@code u0 = v0 = alpha 1} so that {@code w0 = 0}. The loss is the default
 * {@code 1/2 ||A w - y||^2}; the chain rule gives {@code grad_u = D u^{D-1} G} and {@code grad_v = -D v^{D-1} G}
 * for the signal gradient {@code G}.
 *
 * <p>Under gradient flow from this start, {@code u} and {@code v} stay positive, and the limit approaches the l1
 * minimizer among interpolators as {@code alpha -> 0} (Woodworth et al. 2020 for D = 2; Chou, Maly and Rauhut,
 * "More is less: inducing sparsity via overparameterization", 2023, for general D).
 *
 * <p><b>Which scale.</b> The start can be given as {@code alpha} (the entries of {@code u0} and {@code v0}) or as
 * {@code product-scale} {@code = alpha^D}, the size of the initial products {@code u0^D = v0^D}, which is the scale of
 * {@code w} itself (for D = 2 the flow conserves {@code u v = alpha^2}; in general {@code u^{2-D} + v^{2-D}}). The
 * implicit regularizer depends on the start through the product scale, and so do the rates: measured in it, the gap
 * to the l1 minimizer shrinks linearly for D >= 3 and like {@code (alpha^D)^{1 - rho}} for D = 2; measured in
 * {@code alpha} the same exponents are D times larger (about 3 for D = 3).
 */
public final class DiagonalNetworkModel implements Model {

    private final int dimension;
    private final int depth;
    private final double alpha;

    public DiagonalNetworkModel(int dimension, int depth, double alpha) {
        if (dimension < 1 || depth < 1 || !(alpha > 0)) {
            throw new IllegalArgumentException("need d >= 1, depth >= 1, alpha > 0; got " + dimension + ", " + depth
                    + ", " + alpha);
        }
        this.dimension = dimension;
        this.depth = depth;
        this.alpha = alpha;
    }

    public int depth() {
        return depth;
    }

    @Override
    public Shape signalShape() {
        return Shape.vector(dimension);
    }

    @Override
    public Blocks initialize(Optional<Observations> observations, SplittableRandom random) {
        DoubleMatrix2D u = new DenseDoubleMatrix2D(dimension, 1).assign(alpha);
        DoubleMatrix2D v = new DenseDoubleMatrix2D(dimension, 1).assign(alpha);
        return Blocks.of("u", u, "v", v);
    }

    @Override
    public DoubleMatrix2D signal(Blocks parameters) {
        DoubleMatrix2D u = parameters.get("u");
        DoubleMatrix2D v = parameters.get("v");
        DoubleMatrix2D w = new DenseDoubleMatrix2D(dimension, 1);
        for (int i = 0; i < dimension; i++) {
            w.setQuick(i, 0, power(u.getQuick(i, 0)) - power(v.getQuick(i, 0)));
        }
        return w;
    }

    @Override
    public Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient) {
        DoubleMatrix2D u = parameters.get("u");
        DoubleMatrix2D v = parameters.get("v");
        DoubleMatrix2D gu = new DenseDoubleMatrix2D(dimension, 1);
        DoubleMatrix2D gv = new DenseDoubleMatrix2D(dimension, 1);
        for (int i = 0; i < dimension; i++) {
            double g = signalGradient.getQuick(i, 0);
            gu.setQuick(i, 0, depth * derivativeFactor(u.getQuick(i, 0)) * g);
            gv.setQuick(i, 0, -depth * derivativeFactor(v.getQuick(i, 0)) * g);
        }
        return Blocks.of("u", gu, "v", gv);
    }

    private double power(double x) {
        double result = 1;
        for (int k = 0; k < depth; k++) {
            result *= x;
        }
        return result;
    }

    /** {@code x^{D-1}}. */
    private double derivativeFactor(double x) {
        double result = 1;
        for (int k = 1; k < depth; k++) {
            result *= x;
        }
        return result;
    }

    public static final class Factory extends DeclaredFactory<Model> implements ModelFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("depth", 2, 1, 100, "depth D of the factorization w = u^D - v^D"),
                Parameter.real("alpha", null, Double.MIN_VALUE, Double.MAX_VALUE, "initialization u0 = v0 = alpha;"
                        + " not together with product-scale"),
                Parameter.real("product-scale", null, Double.MIN_VALUE, Double.MAX_VALUE, "initialization by the size"
                        + " alpha^D of the initial products u0^D = v0^D (the scale of w); not together with alpha"));

        public Factory() {
            super("diagonal-network", "diagonal linear network w = u^D - v^D from u0 = v0 = alpha 1", PARAMETERS);
        }

        @Override
        public Model create(Config config, BuildContext context) {
            Shape shape = context.requireProblemShape("model 'diagonal-network' produces vectors", Shape.Kind.VECTOR);
            int depth = config.integer("depth");
            var alpha = config.optionalReal("alpha");
            var product = config.optionalReal("product-scale");
            if (alpha.isPresent() == product.isPresent()) {
                throw new ConfigException(alpha.isPresent() ? "product-scale" : "alpha",
                        "give the initialization as exactly one of alpha and product-scale");
            }
            double scale = alpha.isPresent() ? alpha.getAsDouble() : Math.pow(product.getAsDouble(), 1.0 / depth);
            return new DiagonalNetworkModel(shape.rows(), depth, scale);
        }
    }
}
