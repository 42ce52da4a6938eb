package org.reconlab.core.metric;

import cern.colt.matrix.DoubleMatrix1D;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameters;

/**
 * Generalization error on fresh measurements: {@code ||A'(X_hat) - A'(X*)|| / ||A'(X*)||} for an operator
 * {@code A'} drawn anew from the training ensemble, without noise. With normalized Gaussian operators it estimates
 * the relative error without looking at {@code X*} directly, which is how a held-out set sees the model.
 */
public final class TestErrorMetric implements Metric {

    @Override
    public double[] evaluate(MetricContext context) {
        Observations test = context.testObservations().orElseThrow();
        DoubleMatrix1D predicted = test.operator().apply(context.estimate());
        DoubleMatrix1D truth = test.values();
        double squared = 0;
        for (int i = 0; i < predicted.size(); i++) {
            double d = predicted.getQuick(i) - truth.getQuick(i);
            squared += d * d;
        }
        return new double[] {Math.sqrt(squared) / MatrixOps.norm(truth)};
    }

    @Override
    public boolean usesTestObservations() {
        return true;
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        public Factory() {
            super("test-error",
                    "relative error on fresh noiseless measurements from the training ensemble",
                    Parameters.of());
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            context.requireMeasurement("metric 'test-error' needs a measurement to draw test data from");
            return new TestErrorMetric();
        }
    }
}
