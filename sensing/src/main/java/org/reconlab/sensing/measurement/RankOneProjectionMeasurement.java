package org.reconlab.sensing.measurement;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import java.util.SplittableRandom;
import java.util.OptionalInt;
import org.reconlab.core.problem.PsdLowRankProblem;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.MeasurementFactory;
import org.reconlab.core.spi.Observations;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;

/**
 * Rank-one projections {@code y_i = (a_i^T X a_i) / sqrt(m) + e_i} with {@code a_i ~ N(0, I_d)}: training a network
 * {@code f(x) = sum_j (w_j^T x)^2 = x^T W W^T x} on samples {@code (a_i, a_i^T X* a_i)} (docs/science.md §1).
 * Only the vectors are stored, m d numbers, so d in the thousands is within reach.
 *
 * <p>Normalization: with the {@code 1/sqrt(m)} scale, {@code E||A(X)||^2 = 2||X||_F^2 + tr(X)^2} for symmetric X (the
 * fourth moments of a Gaussian vector); the ensemble is not isotropic, unlike the Gaussian ones, and
 * {@code E A*(A(X)) = 2X + tr(X) I}. The loss {@code 1/4 ||A(UU^T) - y||^2} is then the mean squared error of the
 * network over the m samples, divided by 4.
 *
 * <p>Truncation (Chen and Candes 2015 use it against heavy tails): with {@code truncation = tau > 0}, a sample whose
 * {@code ||a_i||^2} exceeds {@code tau d} is discarded, its vector set to zero, so its observation carries only the
 * noise and adds nothing to the gradient; m stays the number of samples drawn.
 */
public final class RankOneProjectionMeasurement implements Measurement {

    private final int d;
    private final int m;
    private final double noise;
    private final double truncation;

    public RankOneProjectionMeasurement(int d, int m, double noise, double truncation) {
        if (d < 1 || m < 1) {
            throw new IllegalArgumentException("need d >= 1 and m >= 1, got d = " + d + ", m = " + m);
        }
        if (!(noise >= 0) || !(truncation >= 0)) {
            throw new IllegalArgumentException("noise and truncation must be >= 0, got " + noise + ", " + truncation);
        }
        this.d = d;
        this.m = m;
        this.noise = noise;
        this.truncation = truncation;
    }

    @Override
    public Shape signalShape() {
        return Shape.symmetric(d);
    }

    @Override
    public OptionalInt observationCount() {
        return OptionalInt.of(m);
    }

    /** Draws the m vectors, entry by entry, then zeroes those beyond the truncation radius. */
    public RankOneProjectionOperator drawOperator(SplittableRandom random) {
        double[] vectors = new double[Math.multiplyExact(m, d)];
        for (int i = 0; i < m; i++) {
            double squared = 0;
            for (int j = 0; j < d; j++) {
                double a = random.nextGaussian();
                vectors[i * d + j] = a;
                squared += a * a;
            }
            if (truncation > 0 && squared > truncation * d) {
                java.util.Arrays.fill(vectors, i * d, (i + 1) * d, 0.0);
            }
        }
        return new RankOneProjectionOperator(d, m, vectors, 1 / Math.sqrt(m));
    }

    /**
     * Observes the truth; when it comes with its factor ({@code X* = F F^T}, part {@code factor} of
     * {@code psd-low-rank}) the clean values are {@code <A_i, F F^T>} from the factor kernel, O(m d r) instead of
     * O(m d^2), which is what makes d in the thousands practical.
     */
    @Override
    public Observations observe(GroundTruth truth, SplittableRandom random) {
        RankOneProjectionOperator operator = drawOperator(random);
        if (!truth.parts().names().contains(PsdLowRankProblem.FACTOR)) {
            return GaussianNoise.observe(operator, truth, noise, random);
        }
        DoubleMatrix2D factor = truth.parts().get(PsdLowRankProblem.FACTOR);
        DoubleMatrix1D clean = new DenseDoubleMatrix1D(m);
        operator.applyFactored(factor, factor, clean);
        return GaussianNoise.addNoise(operator, clean, noise, random);
    }

    @Override
    public Measurement noiseless() {
        return noise == 0 ? this : new RankOneProjectionMeasurement(d, m, 0, truncation);
    }

    /** The m x d vectors, {@code 8 m d} bytes. */
    @Override
    public long estimatedBytes() {
        return 8L * m * d;
    }

    public static final class Factory extends DeclaredFactory<Measurement> implements MeasurementFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("m", null, 1, Integer.MAX_VALUE, "number of samples a_i (or give oversampling)"),
                GaussianMeasurement.OVERSAMPLING,
                GaussianNoise.PARAMETER,
                Parameter.real("truncation", 0.0, 0.0, Double.MAX_VALUE,
                        "discard samples with ||a_i||^2 > truncation * d (0: keep all)"));

        public Factory() {
            super("rank-one-projection",
                    "rank-one projections a_i^T X a_i / sqrt(m), a_i ~ N(0, I): a quadratic network's training data",
                    PARAMETERS);
        }

        @Override
        public Measurement create(Config config, BuildContext context) {
            Shape truth = context.requireProblemShape("measurement 'rank-one-projection' senses symmetric matrices",
                    Shape.Kind.SYMMETRIC_MATRIX);
            int m = GaussianMeasurement.measurementCount(config, truth);
            if ((long) m * truth.rows() > Integer.MAX_VALUE - 8) {
                throw new ConfigException("m", m + " vectors of length " + truth.rows() + " do not fit one array");
            }
            double truncation = config.real("truncation");
            if (truncation > 0 && truncation <= 1) {
                throw new ConfigException("truncation", "truncation " + truncation + " would discard about half the"
                        + " samples or more (E||a||^2 = d); use a value above 1, such as 3, or 0 for none");
            }
            return new RankOneProjectionMeasurement(truth.rows(), m, config.real("noise"), truncation);
        }
    }
}
