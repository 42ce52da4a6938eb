package org.reconlab.sensing.metric;

import cern.colt.matrix.DoubleMatrix2D;
import cern.jet.math.Functions;
import java.util.List;
import org.reconlab.core.linalg.Decompositions;
import org.reconlab.core.problem.LowRankProblem;
import org.reconlab.core.problem.PsdLowRankProblem;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Metric;
import org.reconlab.core.spi.MetricContext;
import org.reconlab.core.spi.MetricFactory;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Shape;
import org.reconlab.sensing.model.FactorizedSymmetricModel;

/**
 * {@code sin theta_max} between the top-r column space of the iterate and that of the truth,
 * {@code ||(I - P_r(X_hat)) Q_r(X*)||_2}, with r the rank of the truth (or the {@code rank} parameter). It is 0 when
 * the spaces agree and 1 when some direction of the truth is missed entirely: the alignment phase of small
 * initialization (docs/science.md §1) drives it down while the factor is still tiny. For {@code U U^T} the
 * column space is read off U (same left singular vectors), which is cheaper than from the d x d estimate.
 */
public final class SubspaceAngleMetric implements Metric {

    /** Singular values below this fraction of the largest count as zero when the rank of the truth is read. */
    public static final double RANK_TOLERANCE = 1e-10;

    private final Integer rank;

    /** @param rank r, or {@code null} for the numerical rank of the truth */
    public SubspaceAngleMetric(Integer rank) {
        this.rank = rank;
    }

    @Override
    public double[] evaluate(MetricContext context) {
        Decompositions.Svd truth = Decompositions.svd(truthColumns(context.truth()));
        int r = rank != null ? rank
                : truth.rank(RANK_TOLERANCE * Math.max(truth.singularValues().getQuick(0), Double.MIN_NORMAL));
        DoubleMatrix2D columns = context.model() instanceof FactorizedSymmetricModel
                ? context.parameters().get(FactorizedSymmetricModel.U) : context.estimate();
        Decompositions.Svd estimate = Decompositions.svd(columns);
        if (r == 0 || r > estimate.u().columns()) {
            // A factor narrower than the truth's rank cannot span its column space.
            return new double[] {r == 0 ? 0 : 1};
        }
        DoubleMatrix2D estimateBasis = estimate.u().viewPart(0, 0, estimate.u().rows(), r).copy();
        DoubleMatrix2D truthBasis = truth.u().viewPart(0, 0, truth.u().rows(), r).copy();
        return new double[] {Decompositions.largestPrincipalAngleSine(estimateBasis, truthBasis)};
    }

    /**
     * A matrix with the top column spaces of the truth, in order: its factor when the problem provides one ({@code F}
     * of {@code X* = F F^T}, or {@code U diag(s)} of {@code X* = U diag(s) V^T}; d x r, cheap to decompose when d is
     * large), else the signal itself.
     */
    private static DoubleMatrix2D truthColumns(GroundTruth truth) {
        List<String> parts = truth.parts().names();
        if (parts.contains(PsdLowRankProblem.FACTOR)) {
            return truth.parts().get(PsdLowRankProblem.FACTOR);
        }
        if (parts.contains(LowRankProblem.U) && parts.contains(LowRankProblem.SINGULAR_VALUES)) {
            DoubleMatrix2D u = truth.parts().get(LowRankProblem.U);
            DoubleMatrix2D values = truth.parts().get(LowRankProblem.SINGULAR_VALUES);
            DoubleMatrix2D scaled = u.copy();
            for (int j = 0; j < u.columns(); j++) {
                scaled.viewColumn(j).assign(Functions.mult(values.getQuick(j, 0)));
            }
            return scaled;
        }
        return truth.signal();
    }

    public static final class Factory extends DeclaredFactory<Metric> implements MetricFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("rank", null, 1, Integer.MAX_VALUE, "r, the dimension of the compared column spaces"
                        + " (default: the numerical rank of the truth)"));

        public Factory() {
            super("subspace-angle",
                    "sine of the largest principal angle between the top-r column spaces of iterate and truth",
                    PARAMETERS);
        }

        @Override
        public Metric create(Config config, BuildContext context) {
            Shape truth = context.requireProblemShape("metric 'subspace-angle' compares column spaces of matrices",
                    Shape.Kind.MATRIX, Shape.Kind.SYMMETRIC_MATRIX);
            Integer rank = config.optionalInteger("rank").isPresent() ? config.optionalInteger("rank").getAsInt() : null;
            if (rank != null && rank > Math.min(truth.rows(), truth.columns())) {
                throw new ConfigException("rank", "rank " + rank + " exceeds the size of a " + truth);
            }
            return new SubspaceAngleMetric(rank);
        }
    }
}
