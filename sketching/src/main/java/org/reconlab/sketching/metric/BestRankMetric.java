package org.reconlab.sketching.metric;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalInt;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.problem.LowRankProblem;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;
import org.reconlab.sketching.problem.LowTubalRankProblem;
import org.reconlab.sketching.tensor.TubalSpectra;

/**
 * Comparisons with the best rank-r approximation {@code [[X]]_r}, whose error is {@code tau_{r+1}(X) =
 * (sum_{j > r} s_j^2)^(1/2)} by the Eckart-Young theorem. For a tensor it is the best tubal-rank-r approximation
 * under the t-product, whose error is {@code ((1/n3) sum_t sum_{j > r} s_j(X_hat_t)^2)^(1/2)} over the Fourier-domain
 * slices (Kilmer and Martin 2011, Theorem 4.3).
 * <ul>
 *   <li>{@code best-rank-error}: {@code tau_{r+1}(X) / ||X||_F}, what any rank-r method must at least make;</li>
 *   <li>{@code best-rank-ratio}: {@code ||X_hat - X||_F / tau_{r+1}(X)}, 1 for an optimal rank-r estimate.
 *       It is {@code +Infinity} when X has rank r exactly and the estimate misses it (NaN if both errors are 0).</li>
 * </ul>
 */
public final class BestRankMetric implements Metric {

    /** Which comparison. */
    public enum Kind { ERROR, RATIO }

    private final Kind kind;
    private final int rank;

    public BestRankMetric(Kind kind, int rank) {
        this.kind = requireNonNull(kind, "kind is null");
        this.rank = rank;
    }

    @Override
    public double[] evaluate(MetricContext context) {
        double best = Math.sqrt(bestRankSquaredError(context));
        return switch (kind) {
            case ERROR -> new double[] {best / MatrixOps.frobeniusNorm(context.truth().signal())};
            case RATIO -> new double[] {MatrixOps.distance(context.estimate(), context.truth().signal()) / best};
        };
    }

    /** Computed once per trial and shared by both comparisons of the same rank: it needs the truth alone. */
    private double bestRankSquaredError(MetricContext context) {
        return context.perTrial(List.of(BestRankMetric.class, rank),
                () -> bestRankSquaredError(context.truth()));
    }

    private double bestRankSquaredError(GroundTruth truth) {
        if (truth.shape().kind() == Shape.Kind.TENSOR) {
            return TubalSpectra.tailEnergy(truth.signal(), truth.shape(), rank);
        }
        return Spectra.tailEnergy(Spectra.matrixSingularValues(truth), rank);
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("rank", null, 0, Integer.MAX_VALUE, "r (default: the rank the problem plants)"));

        private final Kind kind;

        public Factory(Kind kind) {
            super(requireNonNull(kind, "kind is null") == Kind.ERROR ? "best-rank-error" : "best-rank-ratio",
                    kind == Kind.ERROR
                    ? "||X - [[X]]_r||_F / ||X||_F, the relative error of the best rank-r approximation"
                    : "||X_hat - X||_F / ||X - [[X]]_r||_F, the error relative to the best rank-r error (Eckart-Young)",
                    PARAMETERS);
            this.kind = kind;
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            context.requireProblemShape("metric '" + name() + "' needs a matrix or tensor", Shape.Kind.MATRIX,
                    Shape.Kind.SYMMETRIC_MATRIX, Shape.Kind.TENSOR);
            OptionalInt given = config.optionalInteger("rank");
            int rank;
            if (given.isPresent()) {
                rank = given.getAsInt();
            } else if (context.problem() instanceof LowRankProblem lowRank) {
                rank = lowRank.rank();
            } else if (context.problem() instanceof LowTubalRankProblem lowTubalRank) {
                rank = lowTubalRank.rank();
            } else {
                throw new ConfigException("rank", "metric '" + name() + "' needs a rank: problem '"
                        + context.problemName() + "' plants none, so set rank");
            }
            return new BestRankMetric(kind, rank);
        }
    }
}
