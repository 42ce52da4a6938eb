package org.reconlab.core.metric;

import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Parameters;

/**
 * {@code ||X_hat - X*||_F}, the error of the model's signal in the truth's own units: the quantity to compare with
 * noise of a given norm when the truth is not normalized.
 */
public final class AbsoluteErrorMetric implements Metric {

    @Override
    public double[] evaluate(MetricContext context) {
        return new double[] {MatrixOps.distance(context.estimate(), context.truth().signal())};
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        public Factory() {
            super("absolute-error", "||X_hat - X*||_F", Parameters.of());
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            RelativeErrorMetric.requireComparableSignals(name(), context);
            return new AbsoluteErrorMetric();
        }
    }
}
