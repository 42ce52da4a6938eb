package org.reconlab.sensing.metric;

import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;

/**
 * The {@code count} largest singular values of the factor, the model's first parameter block (U for {@code U U^T}
 * and {@code U V^T}, X for the full matrix), recorded over time as {@code singular-values[0]},
 * {@code singular-values[1]}, ...; zero-padded when the block has fewer. Under small initialization r of them grow
 * out of the crowd while the others stay near alpha.
 */
public final class SingularValuesMetric implements Metric {

    private final int count;

    public SingularValuesMetric(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, got " + count);
        }
        this.count = count;
    }

    @Override
    public double[] evaluate(MetricContext context) {
        double[] all = Decompositions.singularValues(context.parameters().list().get(0));
        double[] out = new double[count];
        System.arraycopy(all, 0, out, 0, Math.min(count, all.length));
        return out;
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("count", 5, 1, 10_000, "how many of the largest singular values to record"));

        public Factory() {
            super("singular-values",
                    "the largest singular values of the factor (the model's first block), over time",
                    PARAMETERS);
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            return new SingularValuesMetric(config.integer("count"));
        }
    }
}
