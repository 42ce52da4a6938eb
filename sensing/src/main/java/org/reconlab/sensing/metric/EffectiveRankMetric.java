package org.reconlab.sensing.metric;

import java.util.List;
import org.reconlab.core.linalg.Decompositions;
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
 * A continuous rank of the iterate {@code X_hat} with singular values {@code s}: {@code entropy} is
 * {@code exp(-sum p_i log p_i)} with {@code p = s / ||s||_1} (Roy and Vetterli 2007), equal to r for r equal
 * singular values; {@code stable} is {@code ||X||_F^2 / ||X||_2^2} (Rudelson and Vershynin 2007). Both are 0 for the
 * zero matrix.
 */
public final class EffectiveRankMetric implements Metric {

    private final boolean entropy;

    public EffectiveRankMetric(boolean entropy) {
        this.entropy = entropy;
    }

    /** The effective rank of singular values {@code s} (decreasing, nonnegative). */
    public static double entropyRank(double[] s) {
        double sum = 0;
        for (double value : s) {
            sum += value;
        }
        if (sum == 0) {
            return 0;
        }
        double h = 0;
        for (double value : s) {
            double p = value / sum;
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return Math.exp(h);
    }

    /** {@code sum s_i^2 / s_1^2}. */
    public static double stableRank(double[] s) {
        if (s.length == 0 || s[0] == 0) {
            return 0;
        }
        double squares = 0;
        for (double value : s) {
            squares += value * value;
        }
        return squares / (s[0] * s[0]);
    }

    @Override
    public double[] evaluate(MetricContext context) {
        double[] s = Decompositions.singularValues(context.estimate());
        return new double[] {entropy ? entropyRank(s) : stableRank(s)};
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.choice("definition", "entropy", List.of("entropy", "stable"),
                        "entropy: exp of the entropy of s / ||s||_1; stable: ||X||_F^2 / ||X||_2^2"));

        public Factory() {
            super("effective-rank",
                    "effective rank of the iterate (entropy of its normalized singular values, or stable rank)",
                    PARAMETERS);
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            context.requireModelShape("metric 'effective-rank' needs a matrix iterate", Shape.Kind.MATRIX,
                    Shape.Kind.SYMMETRIC_MATRIX);
            return new EffectiveRankMetric(config.choice("definition").equals("entropy"));
        }
    }
}
