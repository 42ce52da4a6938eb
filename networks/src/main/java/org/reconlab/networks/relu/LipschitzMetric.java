package org.reconlab.networks.relu;

import java.util.List;
import java.util.Locale;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Parameters;

/**
 * The numbers of a Lipschitz experiment on a random ReLU network, in the l^p geometry of the pipeline's
 * {@link LipschitzProbe} ({@code 1/p + 1/q = 1}). Everything but the lower bound depends on the trial's network
 * alone and is computed once per trial.
 */
public final class LipschitzMetric implements Metric {

    /** What the metric reports. */
    public enum Quantity {
        /** {@code ||grad Phi(x)||_q} at the iterate: with {@link LipschitzAscent}, the best lower bound so far. */
        LOWER_BOUND("lipschitz-lower-bound", "||grad Phi(x)||_q at the probe's input: a lower bound on Lip_p"),
        /** {@link LipschitzBounds#product()}. */
        PRODUCT_BOUND("lipschitz-product-bound", "upper bound on Lip_p: product of the layers' operator norms"
                + " (l^p -> l^2, then spectral)"),
        /** {@link LipschitzBounds#averaged()}. */
        AVERAGED_BOUND("lipschitz-averaged-bound", "upper bound on Lip_p from ReLU' = (1 + sign)/2"
                + " (Combettes-Pesquet averaging), never above the product bound"),
        /**
         * The predicted scale of {@code Lip_p}: {@code E ||g||_q} for {@code p >= 2} and {@code E ||g||_2} for
         * {@code p < 2} (Geuchen et al. 2023 for shallow networks: the constant is of that order, up to absolute
         * constants), {@code g} standard Gaussian in {@code R^d}, times the gradient-entry scale of the problem's He
         * scaling (1 for fan-out, {@code 1/sqrt(d)} for fan-in).
         */
        PREDICTION("lipschitz-prediction", "predicted scale of Lip_p: E||g||_q (p >= 2) or E||g||_2 (p < 2),"
                + " g ~ N(0, I_d), in the problem's He scaling"),
        /** {@link ActivationRegions2d#lipschitzConstant}, for {@code d = 2} only. */
        EXACT_2D("lipschitz-exact-2d", "the exact Lip_p of a network on R^2, by enumerating its activation regions");

        private final String metricName;
        private final String description;

        Quantity(String metricName, String description) {
            this.metricName = metricName;
            this.description = description;
        }

        public String metricName() {
            return metricName;
        }
    }

    /** The two upper bounds share one computation per trial and p. */
    private record BoundsKey(double p) {
    }

    private final Quantity quantity;
    private final double prediction;

    private LipschitzMetric(Quantity quantity, double prediction) {
        this.quantity = quantity;
        this.prediction = prediction;
    }

    @Override
    public double[] evaluate(MetricContext context) {
        LipschitzProbe probe = (LipschitzProbe) context.model();
        double p = probe.p();
        double value = switch (quantity) {
            case LOWER_BOUND -> LpNorms.norm(network(context).gradient(probe.point(context.parameters())), probe.q());
            case PRODUCT_BOUND -> bounds(context, p).product();
            case AVERAGED_BOUND -> bounds(context, p).averaged();
            case PREDICTION -> prediction;
            case EXACT_2D -> context.perTrial(this,
                    () -> ActivationRegions2d.enumerate(network(context)).lipschitzConstant(p));
        };
        return new double[] {value};
    }

    private static ReluNetwork network(MetricContext context) {
        return context.perTrial(ReluNetwork.class, () -> ReluNetwork.fromBlocks(context.truth().parts()));
    }

    private static LipschitzBounds bounds(MetricContext context, double p) {
        return context.perTrial(new BoundsKey(p), () -> LipschitzBounds.of(network(context), p));
    }

    /** One factory per {@link Quantity}. */
    public static List<MetricFactory> factories() {
        return List.of(Quantity.values()).stream().<MetricFactory>map(Factory::new).toList();
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        private final Quantity quantity;

        public Factory(Quantity quantity) {
            super(quantity.metricName, quantity.description, Parameters.of());
            this.quantity = quantity;
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            if (!(context.problem() instanceof ReluNetworkProblem problem)) {
                throw ConfigException.incompatible("metric '" + name() + "' needs a ReLU network, but problem '"
                        + context.problemName() + "' draws a " + context.signalShape());
            }
            if (!(context.model().orElseThrow() instanceof LipschitzProbe probe)) {
                throw ConfigException.incompatible("metric '" + name() + "' reads p and the input point from model"
                        + " 'lipschitz-probe', but the model is '" + context.modelName().orElseThrow() + "'");
            }
            int d = probe.inputDimension();
            if (quantity == Quantity.EXACT_2D && d != 2) {
                throw ConfigException.incompatible(String.format(Locale.ROOT, "metric '%s' enumerates activation"
                        + " regions in the plane and needs d = 2, but problem '%s' has d = %d", name(),
                        context.problemName(), d));
            }
            double prediction = problem.scaling().gradientEntryScale(d)
                    * LpNorms.expectedGaussianNorm(d, Math.min(probe.q(), 2));
            return new LipschitzMetric(quantity, prediction);
        }
    }
}
