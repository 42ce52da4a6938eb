package org.reconlab.deconvolution.metric;

import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Parameters;

/**
 * How much the noise is amplified: {@code ||X_hat - X*||_F / ||e||^p} with {@code e} the noise the measurement added,
 * {@code p = 1} ({@code error-per-noise}, bounded by {@code 2 / tau_min} for nuclear norm recovery with the oracle bound
 * {@code eta = ||e||}) or {@code p = 1/2} ({@code error-per-root-noise}, the constant of a square-root bound). NaN
 * without noise.
 */
public final class NoiseAmplificationMetric implements Metric {

    private final double exponent;

    public NoiseAmplificationMetric(double exponent) {
        this.exponent = exponent;
    }

    @Override
    public double[] evaluate(MetricContext context) {
        double noise = context.observations().map(o -> MatrixOps.norm(o.noise())).orElse(0.0);
        if (!(noise > 0)) {
            return new double[] {Double.NaN};
        }
        return new double[] {MatrixOps.distance(context.estimate(), context.truth().signal()) / Math.pow(noise, exponent)};
    }

    /** The factory of one exponent. */
    private abstract static class Factory implements MetricFactory {
        private final double exponent;

        Factory(double exponent) {
            this.exponent = exponent;
        }

        @Override
        public Parameters parameters() {
            return Parameters.of();
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            context.requireMeasurement("metric '" + name() + "' divides by the norm of the measurement's noise");
            RankOneErrorMetric.checkShapes(name(), context);
            return new NoiseAmplificationMetric(exponent);
        }
    }

    public static final class PerNoiseFactory extends Factory {
        public PerNoiseFactory() {
            super(1);
        }

        @Override
        public String name() {
            return "error-per-noise";
        }

        @Override
        public String description() {
            return "||X_hat - X*||_F / ||e||, the linear amplification of the noise e";
        }
    }

    public static final class PerRootNoiseFactory extends Factory {
        public PerRootNoiseFactory() {
            super(0.5);
        }

        @Override
        public String name() {
            return "error-per-root-noise";
        }

        @Override
        public String description() {
            return "||X_hat - X*||_F / sqrt(||e||), the constant of a square-root error bound";
        }
    }
}
