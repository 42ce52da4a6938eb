package org.reconlab.core.problem;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.core.spi.Shape;

/**
 * A d x d PSD matrix of rank r, {@code X* = F F^T} with {@code F = Q diag(sqrt(lambda))}: {@code Q} a Haar-distributed
 * d x r matrix with orthonormal columns and eigenvalues {@code lambda_1 = 1 >= ... >= lambda_r = 1/kappa}
 * (docs/science.md §1). The part {@code factor} is {@code F}.
 */
public final class PsdLowRankProblem implements Problem {

    /** Name of the ground-truth part holding the factor {@code F}, with {@code X* = F F^T}. */
    public static final String FACTOR = "factor";

    private final int d;
    private final double[] eigenvalues;

    /**
     * @param eigenvalues the r nonzero eigenvalues of {@code X*}, in decreasing order
     */
    public PsdLowRankProblem(int d, double[] eigenvalues) {
        if (d < 1) {
            throw new IllegalArgumentException("d must be >= 1, got " + d);
        }
        if (eigenvalues.length < 1 || eigenvalues.length > d) {
            throw new IllegalArgumentException("rank must be in [1, " + d + "], got " + eigenvalues.length);
        }
        for (double lambda : eigenvalues) {
            if (!(lambda > 0) || !Double.isFinite(lambda)) {
                throw new IllegalArgumentException("eigenvalues must be positive and finite, got " + lambda);
            }
        }
        this.d = d;
        this.eigenvalues = eigenvalues.clone();
    }

    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    @Override
    public Shape signalShape() {
        return Shape.symmetric(d);
    }

    @Override
    public GroundTruth draw(SplittableRandom random) {
        int r = eigenvalues.length;
        DoubleMatrix2D q = RandomMatrices.orthonormalColumns(d, r, random);
        DoubleMatrix2D factor = new DenseDoubleMatrix2D(d, r);
        for (int j = 0; j < r; j++) {
            double s = Math.sqrt(eigenvalues[j]);
            for (int i = 0; i < d; i++) {
                factor.setQuick(i, j, s * q.getQuick(i, j));
            }
        }
        DoubleMatrix2D signal = MatrixOps.multTransB(factor, factor);
        return new GroundTruth(signalShape(), signal, Blocks.of(FACTOR, factor));
    }

    public static final class Factory extends DeclaredFactory<Problem> implements ProblemFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("d", 100, 1, 100_000, "dimension: X* is d x d"),
                Parameter.integer("rank", 5, 1, 100_000, "rank r of X*, at most d"),
                Spectrum.CONDITION_NUMBER,
                Spectrum.SPACING);

        public Factory() {
            super("psd-low-rank",
                    "d x d PSD matrix of rank r, Haar eigenvectors, eigenvalues from 1 to 1/kappa",
                    PARAMETERS);
        }

        @Override
        public Problem create(Config config, BuildContext context) {
            int d = config.integer("d");
            int rank = config.integer("rank");
            if (rank > d) {
                throw new ConfigException("rank", "rank " + rank + " exceeds d = " + d);
            }
            return new PsdLowRankProblem(d, Spectrum.headFromConfig(rank, config));
        }
    }
}
