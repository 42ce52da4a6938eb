package org.reconlab.core.metric;

import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Parameters;

/** The training objective at the iterate, as the model defines it (for {@code U U^T}: {@code 1/4 ||A(UU^T) - y||^2}). */
public final class TrainLossMetric implements Metric {

    @Override
    public double[] evaluate(MetricContext context) {
        return new double[] {context.loss().orElseThrow()};
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        public Factory() {
            super("train-loss", "the training objective at the iterate", Parameters.of());
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            context.requireMeasurement("metric 'train-loss' needs a measurement");
            return new TrainLossMetric();
        }
    }
}
