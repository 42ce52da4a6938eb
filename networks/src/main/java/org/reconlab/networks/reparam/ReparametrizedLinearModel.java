package org.reconlab.networks.reparam;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
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

/**
 * A linear model {@code w = rho(theta)} with an entrywise {@link Reparametrization}, one block {@code theta}
 * (d x 1) started at zero, and a loss on the observations {@code (A, y)}:
 * <ul>
 *   <li>{@code square}: {@code 1/2 ||A w - y||^2};</li>
 *   <li>{@code logistic}: {@code sum_i log(1 + exp(-s_i <a_i, w>))};</li>
 *   <li>{@code exponential}: {@code sum_i exp(-s_i <a_i, w>)};</li>
 * </ul>
 * with labels {@code s_i = sign(y_i)} (+1 for {@code y_i = 0}) for the two classification losses. The chain rule is
 * {@code grad_theta = rho'(theta) G} entrywise for the signal gradient {@code G}.
 */
public final class ReparametrizedLinearModel implements Model {

    /** The training loss. */
    public enum Loss {
        SQUARE, LOGISTIC, EXPONENTIAL;

        public String specName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final int dimension;
    private final Reparametrization reparametrization;
    private final Loss loss;

    public ReparametrizedLinearModel(int dimension, Reparametrization reparametrization, Loss loss) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        this.dimension = dimension;
        this.reparametrization = java.util.Objects.requireNonNull(reparametrization, "reparametrization is null");
        this.loss = java.util.Objects.requireNonNull(loss, "loss is null");
    }

    public Reparametrization reparametrization() {
        return reparametrization;
    }

    public Loss loss() {
        return loss;
    }

    @Override
    public Shape signalShape() {
        return Shape.vector(dimension);
    }

    @Override
    public Blocks initialize(Optional<Observations> observations, SplittableRandom random) {
        return Blocks.of("theta", new DenseDoubleMatrix2D(dimension, 1));
    }

    @Override
    public DoubleMatrix2D signal(Blocks parameters) {
        DoubleMatrix2D theta = parameters.get("theta");
        DoubleMatrix2D w = new DenseDoubleMatrix2D(dimension, 1);
        for (int i = 0; i < dimension; i++) {
            w.setQuick(i, 0, reparametrization.rho(theta.getQuick(i, 0)));
        }
        return w;
    }

    @Override
    public Blocks pullback(Blocks parameters, DoubleMatrix2D signalGradient) {
        DoubleMatrix2D theta = parameters.get("theta");
        DoubleMatrix2D g = new DenseDoubleMatrix2D(dimension, 1);
        for (int i = 0; i < dimension; i++) {
            g.setQuick(i, 0, reparametrization.rhoDerivative(theta.getQuick(i, 0)) * signalGradient.getQuick(i, 0));
        }
        return Blocks.of("theta", g);
    }

    @Override
    public Objective objective(Observations observations) {
        if (loss == Loss.SQUARE) {
            return Model.super.objective(observations);
        }
        return new MarginLoss(observations);
    }

    /** {@code sum_i l(s_i <a_i, w>)} for the logistic or exponential {@code l}. */
    private final class MarginLoss implements Objective {
        private final Observations observations;

        MarginLoss(Observations observations) {
            this.observations = observations;
        }

        @Override
        public double value(Blocks parameters) {
            return evaluate(parameters, false).value();
        }

        @Override
        public Evaluation evaluate(Blocks parameters) {
            return evaluate(parameters, true);
        }

        private Evaluation evaluate(Blocks parameters, boolean withGradient) {
            DoubleMatrix1D margins = observations.operator().apply(signal(parameters));
            DoubleMatrix1D y = observations.values();
            DoubleMatrix1D weights = margins.like();
            double value = 0;
            for (int i = 0; i < margins.size(); i++) {
                double label = y.getQuick(i) >= 0 ? 1 : -1;
                double m = label * margins.getQuick(i);
                double derivative;
                if (loss == Loss.LOGISTIC) {
                    // log(1 + e^{-m}) and its derivative -1/(1 + e^m), both without overflow.
                    value += m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
                    derivative = m > 0 ? -Math.exp(-m) / (1 + Math.exp(-m)) : -1 / (1 + Math.exp(m));
                } else {
                    double e = Math.exp(-m);
                    value += e;
                    derivative = -e;
                }
                weights.setQuick(i, label * derivative);
            }
            if (!withGradient) {
                return new Evaluation(value, null);
            }
            DoubleMatrix2D signalGradient = observations.operator().adjoint(weights);
            return new Evaluation(value, pullback(parameters, signalGradient));
        }
    }

    public static final class Factory extends DeclaredFactory<Model> implements ModelFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.choice("reparametrization", "identity", List.of("identity", "lp", "sinh"),
                        "rho: identity (R = w^2/2), lp (R ~ |w|^p smoothed at beta), sinh (link beta atan(w/beta))"),
                Parameter.real("p", 1.5, 1.0 + 1e-9, 1e3, "exponent p of the lp reparametrization"),
                Parameter.real("beta", 1e-3, Double.MIN_VALUE, Double.MAX_VALUE, "smoothing scale of lp, scale of sinh"),
                Parameter.choice("loss", "square", List.of("square", "logistic", "exponential"),
                        "training loss; the classification losses use the labels sign(y)"));

        public Factory() {
            super("reparametrized-linear",
                    "linear model w = rho(theta) entrywise from theta = 0, square or classification loss",
                    PARAMETERS);
        }

        @Override
        public Model create(Config config, BuildContext context) {
            Shape shape = context.requireProblemShape("model 'reparametrized-linear' produces vectors",
                    Shape.Kind.VECTOR);
            Reparametrization reparametrization = switch (config.choice("reparametrization")) {
                case "lp" -> Reparametrization.lp(config.real("p"), config.real("beta"));
                case "sinh" -> Reparametrization.sinh(config.real("beta"));
                default -> Reparametrization.identity();
            };
            Loss loss = Loss.valueOf(config.choice("loss").toUpperCase(Locale.ROOT));
            return new ReparametrizedLinearModel(shape.rows(), reparametrization, loss);
        }
    }

    /**
     * The model of a metric that compares the flow's limit with an interpolant, which only the square loss converges to.
     *
     * @throws ConfigException naming {@code metric} if the model is another one or has another loss
     */
    static ReparametrizedLinearModel requireSquareLoss(BuildContext context, String metric) {
        if (!(context.model().orElseThrow() instanceof ReparametrizedLinearModel model)) {
            throw ConfigException.incompatible("metric '" + metric + "' needs model 'reparametrized-linear', not '"
                    + context.modelName().orElseThrow() + "'");
        }
        if (model.loss() != Loss.SQUARE) {
            throw ConfigException.incompatible("metric '" + metric + "' compares with an interpolant, which only the"
                    + " square loss converges to; the model's loss is " + model.loss().specName());
        }
        return model;
    }
}
