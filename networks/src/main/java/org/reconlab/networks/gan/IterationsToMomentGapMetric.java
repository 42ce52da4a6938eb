package org.reconlab.networks.gan;

import java.util.List;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;

/**
 * The first recorded iteration at which {@code moment-gap} ({@link MomentGapMetric}) is at most {@code threshold},
 * NaN until then (and at the end of a trial that never gets there). Its resolution is the spec's
 * {@code record-every}: the metric sees the recorded iterates only.
 */
public final class IterationsToMomentGapMetric implements Metric {

    private final double threshold;

    private IterationsToMomentGapMetric(double threshold) {
        this.threshold = threshold;
    }

    @Override
    public double[] evaluate(MetricContext context) {
        // One mutable cell per trial: the engine evaluates a trial's recorded iterates in order.
        double[] first = context.perTrial(this, () -> new double[] {Double.NaN});
        if (Double.isNaN(first[0]) && MomentGapMetric.gap(context) <= threshold) {
            first[0] = context.iteration();
        }
        return new double[] {first[0]};
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        private static final Parameters PARAMETERS = Parameters.of(Parameter.real("threshold", 1e-6, 0,
                Double.MAX_VALUE, "the moment gap ||A(G) - y|| / ||y|| that counts as reached"));

        public Factory() {
            super("iterations-to-moment-gap",
                    "first recorded iteration with moment-gap <= threshold (default 1e-6); NaN if never",
                    PARAMETERS);
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            context.requireMeasurement("metric 'iterations-to-moment-gap' compares observed statistics");
            return new IterationsToMomentGapMetric(config.real("threshold"));
        }
    }
}
