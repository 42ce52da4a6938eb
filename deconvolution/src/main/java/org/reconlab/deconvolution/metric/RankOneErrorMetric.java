package org.reconlab.deconvolution.metric;

import cern.colt.matrix.DoubleMatrix2D;
import org.reconlab.core.linalg.Decompositions;
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

/**
 * The error of the factors read off an estimate: with {@code (s, u, v)} the top singular triple of the estimate, the
 * factors are {@code h_hat = sqrt(s) u}, {@code m_hat = sqrt(s) v}, and the metric is
 * {@code ||h_hat m_hat^T - h m^T||_F / ||h m^T||_F}. It compares products, so it is blind to the scaling ambiguity
 * {@code (c h, m / c)} of blind deconvolution, and for a rank-one estimate it equals the relative error.
 */
public final class RankOneErrorMetric implements Metric {

    @Override
    public double[] evaluate(MetricContext context) {
        return new double[] {error(context.estimate(), context.truth().signal())};
    }

    /**
     * {@code ||s u v^T - X*||_F / ||X*||_F} for the top singular triple of {@code estimate}; NaN for an estimate with a
     * non-finite entry (a diverged run), which the SVD cannot take.
     */
    public static double error(DoubleMatrix2D estimate, DoubleMatrix2D truth) {
        if (!Double.isFinite(estimate.aggregate(cern.jet.math.Functions.plus, cern.jet.math.Functions.abs))) {
            return Double.NaN;
        }
        Decompositions.Svd svd = Decompositions.svd(estimate);
        return MatrixOps.relativeError(svd.reconstruct(1, s -> s), truth);
    }

    /** Checks that the problem and the model hold matrices of one shape. */
    static void checkShapes(String name, BuildContext context) {
        Shape shape = context.signalShape();
        Shape model = context.model().orElseThrow().signalShape();
        if (shape.kind() != Shape.Kind.MATRIX || !shape.equals(model)) {
            throw ConfigException.incompatible("metric '" + name + "' compares the model's " + model
                    + " with the problem's " + shape + " as matrices of one shape");
        }
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        public Factory() {
            super("rank-one-error",
                    "||h_hat m_hat^T - h m^T||_F / ||h m^T||_F, factors from the estimate's top singular pair",
                    Parameters.of());
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            checkShapes(name(), context);
            return new RankOneErrorMetric();
        }
    }
}
