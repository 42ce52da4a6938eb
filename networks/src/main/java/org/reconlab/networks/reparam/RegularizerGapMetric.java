package org.reconlab.networks.reparam;

import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameters;
import org.reconlab.networks.diagonal.BasisPursuit;

/**
 * {@code ||w - w_R||_2 / ||w_R||_2}, the distance from the model's vector to the minimizer
 * {@code w_R = argmin sum_i R(w_i) s.t. A w = y} of the regularizer its reparametrization induces
 * ({@link ImplicitBiasSolver}, once per trial). Gradient flow from zero on square loss converges to {@code w_R}, so
 * at the end of a converged run this is the error of the implicit-bias prediction.
 */
public final class RegularizerGapMetric implements Metric {

    @Override
    public double[] evaluate(MetricContext context) {
        ReparametrizedLinearModel model = (ReparametrizedLinearModel) context.model();
        double[] target = context.perTrial(RegularizerGapMetric.class, () -> {
            Observations observations = context.observations().orElseThrow();
            return ImplicitBiasSolver.solve(model.reparametrization(), BasisPursuit.matrix(observations.operator()),
                    observations.values());
        });
        return new double[] {DenseVectors.relativeDistance(context.estimate().viewColumn(0).toArray(), target)};
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        public Factory() {
            super("regularizer-gap",
                    "relative distance to argmin R(w) s.t. Aw = y, R the regularizer induced by the "
                            + "reparametrization",
                    Parameters.of());
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            ReparametrizedLinearModel model = ReparametrizedLinearModel.requireSquareLoss(context, "regularizer-gap");
            context.requireMeasurement("metric 'regularizer-gap' compares with the minimizer over the observations");
            // The minimizer over {w : Aw = y} is found through the dual, whose Hessian is singular when A (n x d) has
            // more rows than columns: the parameters decide that before anything is drawn.
            int dimension = context.signalShape().rows();
            int samples = context.measurement().orElseThrow().observationCount().orElse(0);
            if (samples > dimension) {
                throw ConfigException.incompatible("metric 'regularizer-gap' needs the interpolating regime, at most as"
                        + " many samples as dimensions: the measurement's n = " + samples + " is more than the"
                        + " problem's d = " + dimension);
            }
            return new RegularizerGapMetric();
        }
    }
}
