package org.reconlab.networks.gan;

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
 * {@code ||A(G) - y|| / ||y||}: how far the model's observed statistics (for a GAN with {@link SampleMeanMeasurement},
 * the mean of the generated samples) are from the data's. Zero exactly at a global saddle point of
 * {@link GanGeneratorModel}'s game; a run succeeds when it falls below a threshold.
 */
public final class MomentGapMetric implements Metric {

    @Override
    public double[] evaluate(MetricContext context) {
        return new double[] {gap(context)};
    }

    /** The moment gap of the context's iterate. */
    static double gap(MetricContext context) {
        Observations observations = context.observations().orElseThrow();
        DoubleMatrix1D generated = observations.operator().apply(context.estimate());
        double squared = 0;
        for (int i = 0; i < generated.size(); i++) {
            double g = generated.getQuick(i) - observations.values().getQuick(i);
            squared += g * g;
        }
        return Math.sqrt(squared) / MatrixOps.norm(observations.values());
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        public Factory() {
            super("moment-gap",
                    "||A(G) - y|| / ||y||: the generated data's observed statistics (a GAN: its mean) against the "
                            + "data's",
                    Parameters.of());
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            context.requireMeasurement("metric 'moment-gap' compares observed statistics");
            return new MomentGapMetric();
        }
    }
}
