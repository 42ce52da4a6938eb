package org.reconlab.networks.reparam;

import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameters;
import org.reconlab.networks.diagonal.BasisPursuit;

/**
 * {@code ||w - w_p||_2 / ||w_p||_2}, the distance from the model's vector to the exact l^p minimizer
 * {@code w_p = argmin ||w||_p^p s.t. A w = y} ({@link LpMinimizer}, once per trial), p the exponent of the model's lp
 * reparametrization (2 for the identity). Unlike {@code regularizer-gap}, whose reference is the minimizer of the
 * smoothed regularizer the flow actually follows, this tests the claim "the limit is the l^p minimizer": it closes
 * only as the smoothing beta tends to 0 (docs/science.md section 3).
 */
public final class LpGapMetric implements Metric {

    private final double p;

    private LpGapMetric(double p) {
        this.p = p;
    }

    @Override
    public double[] evaluate(MetricContext context) {
        double[] target = context.perTrial(LpGapMetric.class, () -> {
            Observations observations = context.observations().orElseThrow();
            return LpMinimizer.solve(p, BasisPursuit.matrix(observations.operator()), observations.values());
        });
        return new double[] {DenseVectors.relativeDistance(context.estimate().viewColumn(0).toArray(), target)};
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        public Factory() {
            super("lp-gap", "relative distance to the exact l^p minimizer argmin ||w||_p^p s.t. Aw = y, p from the lp"
                    + " reparametrization (unsmoothed, by dual Newton)",
                    Parameters.of());
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            ReparametrizedLinearModel model = ReparametrizedLinearModel.requireSquareLoss(context, "lp-gap");
            double p = model.reparametrization().targetExponent().orElseThrow(() -> ConfigException.incompatible(
                    "metric 'lp-gap' needs reparametrization lp or identity, not " + model.reparametrization()));
            if (p > 2) {
                throw ConfigException.incompatible("metric 'lp-gap' solves the l^p problem for 1 < p <= 2; the model"
                        + " has p = " + p);
            }
            context.requireMeasurement("metric 'lp-gap' compares with the minimizer over the observations");
            return new LpGapMetric(p);
        }
    }
}
