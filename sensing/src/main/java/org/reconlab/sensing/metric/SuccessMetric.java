package org.reconlab.sensing.metric;

import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;

/**
 * 1 when the relative error {@code ||X_hat - X*||_F / ||X*||_F} is at most {@code threshold}, else 0: its final
 * value, averaged over trials, is the success probability of a phase-transition plot (docs/science.md §1).
 */
public final class SuccessMetric implements Metric {

    private final double threshold;

    public SuccessMetric(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public double[] evaluate(MetricContext context) {
        return new double[] {MatrixOps.relativeError(context.estimate(), context.truth().signal()) <= threshold ? 1 : 0};
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.real("threshold", 1e-6, 0.0, Double.MAX_VALUE, "largest relative error that counts as success"));

        public Factory() {
            super("success",
                    "1 if the relative error is at most the threshold, else 0 (mean over trials: success rate)",
                    PARAMETERS);
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            context.requireProblemShape("metric 'success' compares arrays", Shape.Kind.VECTOR, Shape.Kind.MATRIX,
                    Shape.Kind.SYMMETRIC_MATRIX, Shape.Kind.TENSOR);
            return new SuccessMetric(config.real("threshold"));
        }
    }
}
