package org.reconlab.deconvolution.metric;

import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;

/**
 * 1 when the {@link RankOneErrorMetric rank-one error} is below a threshold, else 0: averaged over trials, the success
 * rate a phase transition plots.
 */
public final class RankOneRecoveredMetric implements Metric {

    private final double threshold;

    public RankOneRecoveredMetric(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public double[] evaluate(MetricContext context) {
        double error = RankOneErrorMetric.error(context.estimate(), context.truth().signal());
        return new double[] {error < threshold ? 1 : 0};
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.real("threshold", 2e-2, Double.MIN_VALUE, Double.MAX_VALUE,
                        "success when the rank-one error is below this"));

        public Factory() {
            super("rank-one-recovered",
                    "1 if the rank-one error is below the threshold (default 2e-2), else 0",
                    PARAMETERS);
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            RankOneErrorMetric.checkShapes(name(), context);
            return new RankOneRecoveredMetric(config.real("threshold"));
        }
    }
}
