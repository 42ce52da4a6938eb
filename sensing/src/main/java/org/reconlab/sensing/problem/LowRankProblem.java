package org.reconlab.sensing.problem;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.ConfigException;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.core.spi.Shape;

/**
 * A d1 x d2 matrix of rank r, {@code X* = P diag(sigma) Q^T} with Haar-distributed orthonormal {@code P} (d1 x r) and
 * {@code Q} (d2 x r) and singular values from 1 down to {@code 1/kappa} (SCIENCE.md section 4). The parts are the
 * balanced factors {@code left = P diag(sqrt(sigma))} and {@code right = Q diag(sqrt(sigma))}, so
 * {@code X* = left right^T}.
 */
public final class LowRankProblem implements Problem {

    public static final String LEFT = "left";
    public static final String RIGHT = "right";

    private final int d1;
    private final int d2;
    private final double[] singularValues;

    public LowRankProblem(int d1, int d2, double[] singularValues) {
        if (d1 < 1 || d2 < 1) {
            throw new IllegalArgumentException("dimensions must be >= 1, got " + d1 + " x " + d2);
        }
        if (singularValues.length < 1 || singularValues.length > Math.min(d1, d2)) {
            throw new IllegalArgumentException("rank must be in [1, " + Math.min(d1, d2) + "], got "
                    + singularValues.length);
        }
        for (double s : singularValues) {
            if (!(s > 0) || !Double.isFinite(s)) {
                throw new IllegalArgumentException("singular values must be positive and finite, got " + s);
            }
        }
        this.d1 = d1;
        this.d2 = d2;
        this.singularValues = singularValues.clone();
    }

    @Override
    public Shape signalShape() {
        return Shape.matrix(d1, d2);
    }

    @Override
    public GroundTruth draw(SplittableRandom random) {
        int r = singularValues.length;
        DoubleMatrix2D left = scaledColumns(RandomMatrices.orthonormalColumns(d1, r, random));
        DoubleMatrix2D right = scaledColumns(RandomMatrices.orthonormalColumns(d2, r, random));
        return new GroundTruth(signalShape(), MatrixOps.multTransB(left, right), Blocks.of(LEFT, left, RIGHT, right));
    }

    private DoubleMatrix2D scaledColumns(DoubleMatrix2D q) {
        DoubleMatrix2D out = new DenseDoubleMatrix2D(q.rows(), q.columns());
        for (int j = 0; j < q.columns(); j++) {
            double s = Math.sqrt(singularValues[j]);
            for (int i = 0; i < q.rows(); i++) {
                out.setQuick(i, j, s * q.getQuick(i, j));
            }
        }
        return out;
    }

    public static final class Factory implements ProblemFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("d1", 50, 1, 100_000, "rows of X*"),
                Parameter.integer("d2", null, 1, 100_000, "columns of X* (default: d1)"),
                Parameter.integer("rank", 2, 1, 100_000, "rank r of X*, at most min(d1, d2)"),
                Spectrum.CONDITION_NUMBER,
                Spectrum.SPACING);

        @Override
        public String name() {
            return "low-rank";
        }

        @Override
        public String description() {
            return "d1 x d2 matrix of rank r, Haar singular vectors, singular values from 1 to 1/kappa";
        }

        @Override
        public Parameters parameters() {
            return PARAMETERS;
        }

        @Override
        public Problem create(Config config, BuildContext context) {
            int d1 = config.integer("d1");
            int d2 = config.optionalInteger("d2").orElse(d1);
            int rank = config.integer("rank");
            if (rank > Math.min(d1, d2)) {
                throw new ConfigException("rank", "rank " + rank + " exceeds min(d1, d2) = " + Math.min(d1, d2));
            }
            return new LowRankProblem(d1, d2, Spectrum.fromConfig(rank, config));
        }
    }
}
