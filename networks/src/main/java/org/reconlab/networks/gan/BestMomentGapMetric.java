package org.reconlab.networks.gan;

import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameters;

/**
 * The smallest moment gap any hidden layer W can reach with the generator's fixed output layer V:
 * {@code min_{h >= 0} ||V h - y|| / ||y||} ({@link NonNegativeLeastSquares}, once per trial). The generated mean is
 * {@code V h} with {@code h = mean_j relu(W z_j) >= 0}, and every {@code h >= 0} is reached (each row of W scales its
 * own entry of h), so this is the capacity of the width: a trial whose {@code moment-gap} stays far above it failed
 * for the optimizer's sake, one whose best gap is itself large could not have succeeded (docs/science.md section 4).
 */
public final class BestMomentGapMetric implements Metric {

    @Override
    public double[] evaluate(MetricContext context) {
        return new double[] {context.perTrial(BestMomentGapMetric.class, () -> {
            Observations observations = context.observations().orElseThrow();
            return NonNegativeLeastSquares.relativeConeDistance(context.parameters().get("V"), observations.values());
        })};
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        public Factory() {
            super("best-moment-gap", "min over h >= 0 of ||V h - y|| / ||y||: the smallest moment gap a GAN generator with fixed"
                    + " output layer V can reach (non-negative least squares)",
                    Parameters.of());
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            if (!(context.model().orElseThrow() instanceof GanGeneratorModel model)) {
                throw ConfigException.incompatible("metric 'best-moment-gap' reads the output layer V of model"
                        + " 'gan-generator', not of '" + context.modelName().orElseThrow() + "'");
            }
            if (model.trainsOutput()) {
                throw ConfigException.incompatible("metric 'best-moment-gap' is the distance to the cone V R^k_+ of a"
                        + " fixed output layer; the model trains V (train-output: true)");
            }
            if (!(context.requireMeasurement("metric 'best-moment-gap' compares with the data's mean")
                    instanceof SampleMeanMeasurement)) {
                throw ConfigException.incompatible("metric 'best-moment-gap' needs measurement 'sample-mean', not '"
                        + context.measurementName().orElseThrow() + "'");
            }
            return new BestMomentGapMetric();
        }
    }
}
