package org.reconlab.core.metric;

import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;

/** {@code ||X_hat - X*||_F / ||X*||_F}, the relative error of the model's signal against the ground truth. */
public final class RelativeErrorMetric implements Metric {

    @Override
    public double[] evaluate(MetricContext context) {
        return new double[] {MatrixOps.relativeError(context.estimate(), context.truth().signal())};
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        public Factory() {
            super("relative-error", "||X_hat - X*||_F / ||X*||_F", Parameters.of());
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            requireComparableSignals(name(), context);
            return new RelativeErrorMetric();
        }
    }

    /** Fails unless the model's signal and the problem's are arrays of one shape, as a metric named {@code name} needs. */
    static void requireComparableSignals(String name, BuildContext context) {
        context.requireProblemShape("metric '" + name + "' compares arrays", Shape.Kind.VECTOR, Shape.Kind.MATRIX,
                Shape.Kind.SYMMETRIC_MATRIX, Shape.Kind.TENSOR);
        if (!context.model().orElseThrow().signalShape().accepts(context.signalShape())
                && !context.signalShape().accepts(context.model().orElseThrow().signalShape())) {
            throw ConfigException.incompatible("metric '" + name + "' compares the model's "
                    + context.model().orElseThrow().signalShape() + " with the problem's " + context.signalShape()
                    + "; they differ");
        }
    }
}
