package org.reconlab.deconvolution.metric;

import java.util.SplittableRandom;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.deconvolution.cone.ConicSingularValue;

/**
 * The minimum conic singular value tau_min of the trial's measurement operator on the descent cone of the nuclear norm
 * at the truth (see {@link ConicSingularValue}), bracketed: {@code conic-singular-value-upper} is the least
 * {@code ||A(Z)||} a projected gradient search finds over unit Z in the cone (an upper bound, attained),
 * {@code conic-singular-value-lower} the certified lower bound of the quadratic relaxation (exact when the truth is
 * rank one and K or N is at most 2). It depends on the operator and the truth only, so it is computed once per trial.
 * The search's starts come from a stream seeded by the metric's {@code seed}, so the value is reproducible.
 */
public final class ConicSingularValueMetric implements Metric {

    private final boolean upper;
    private final int starts;
    private final int steps;
    private final long seed;

    private ConicSingularValueMetric(boolean upper, int starts, int steps, long seed) {
        this.upper = upper;
        this.starts = starts;
        this.steps = steps;
        this.seed = seed;
    }

    /** The search's upper bound. */
    public static ConicSingularValueMetric upper(int starts, int steps, long seed) {
        return new ConicSingularValueMetric(true, starts, steps, seed);
    }

    /** The relaxation's lower bound. */
    public static ConicSingularValueMetric lower() {
        return new ConicSingularValueMetric(false, 1, 0, 0);
    }

    @Override
    public double[] evaluate(MetricContext context) {
        Observations observations = context.observations().orElseThrow();
        double value = context.perTrial(this, () -> {
            ConicSingularValue values = new ConicSingularValue(observations.operator(), context.truth().signal());
            return upper ? values.search(starts, steps, new SplittableRandom(seed)).value() : values.lowerBound();
        });
        return new double[] {value};
    }

    public static final class UpperFactory implements MetricFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("starts", 8, 1, 1000, "projected gradient starts"),
                Parameter.integer("steps", 3000, 0, 10_000_000, "projected gradient steps per start"),
                Parameter.integer("seed", 1, 0, Integer.MAX_VALUE, "seed of the starts' stream"));

        @Override
        public String name() {
            return "conic-singular-value-upper";
        }

        @Override
        public String description() {
            return "tau_min <= this: least ||A(Z)|| over unit Z in the nuclear norm's descent cone a projected gradient"
                    + " search finds";
        }

        @Override
        public Parameters parameters() {
            return PARAMETERS;
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            requireConvolution(name(), context);
            return upper(config.integer("starts"), config.integer("steps"), config.integer("seed"));
        }
    }

    public static final class LowerFactory implements MetricFactory {
        @Override
        public String name() {
            return "conic-singular-value-lower";
        }

        @Override
        public String description() {
            return "tau_min >= this: the minimum conic singular value on a quadratic cone containing the descent cone"
                    + " (exact for K or N <= 2)";
        }

        @Override
        public Parameters parameters() {
            return Parameters.of();
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            requireConvolution(name(), context);
            return lower();
        }
    }

    private static void requireConvolution(String name, BuildContext context) {
        context.requireMeasurement("metric '" + name + "' needs the measurement operator");
        RankOneErrorMetric.checkShapes(name, context);
    }
}
