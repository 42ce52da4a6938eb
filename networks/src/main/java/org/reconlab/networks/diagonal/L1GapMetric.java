package org.reconlab.networks.diagonal;

import java.util.List;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;

/**
 * How far the model's vector is from the l1 minimizer {@code w_1 = argmin ||w||_1 s.t. A w = y} of the trial's
 * training observations ({@link BasisPursuit}, solved once per trial):
 * <ul>
 *   <li>{@code distance} (default): {@code ||w - w_1||_1};</li>
 *   <li>{@code excess}: {@code ||w||_1 - ||w_1||_1}, the suboptimality in the l1 objective that Chou, Maly and
 *   Rauhut bound (negative while {@code w} is not yet an interpolator).</li>
 * </ul>
 */
public final class L1GapMetric implements Metric {

    private final boolean excess;

    private L1GapMetric(boolean excess) {
        this.excess = excess;
    }

    @Override
    public double[] evaluate(MetricContext context) {
        double[] l1 = context.perTrial(L1GapMetric.class, () -> {
            Observations observations = context.observations().orElseThrow();
            return BasisPursuit.solve(observations.operator(), observations.values());
        });
        double[] w = context.estimate().viewColumn(0).toArray();
        double value = 0;
        if (excess) {
            for (int j = 0; j < w.length; j++) {
                value += Math.abs(w[j]) - Math.abs(l1[j]);
            }
        } else {
            for (int j = 0; j < w.length; j++) {
                value += Math.abs(w[j] - l1[j]);
            }
        }
        return new double[] {value};
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        private static final Parameters PARAMETERS = Parameters.of(Parameter.choice("measure", "distance",
                List.of("distance", "excess"), "distance ||w - w_1||_1 or excess l1 norm ||w||_1 - ||w_1||_1"));

        public Factory() {
            super("l1-gap",
                    "gap between the model's vector and the l1 minimizer of the training observations (basis "
                            + "pursuit)",
                    PARAMETERS);
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            context.requireMeasurement("metric 'l1-gap' compares with the l1 minimizer of the training observations");
            context.requireModelShape("metric 'l1-gap' compares vectors", Shape.Kind.VECTOR);
            return new L1GapMetric(config.choice("measure").equals("excess"));
        }
    }
}
