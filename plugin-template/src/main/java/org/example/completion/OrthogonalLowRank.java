package org.example.completion;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.RandomMatrices;
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

/** X* = U V^T with U, V random orthonormal columns: a rank-r matrix whose r singular values are all 1. */
public record OrthogonalLowRank(int rows, int columns, int rank) implements Problem {

    @Override
    public Shape signalShape() {
        return Shape.matrix(rows, columns);
    }

    @Override
    public GroundTruth draw(SplittableRandom random) {
        DoubleMatrix2D u = RandomMatrices.orthonormalColumns(rows, rank, random);
        DoubleMatrix2D v = RandomMatrices.orthonormalColumns(columns, rank, random);
        return GroundTruth.of(signalShape(), u.zMult(v, null, 1, 0, false, true));
    }

    /** The factory: name, parameters, and the checks the parameters decide, made when the pipeline is built. */
    public static final class Factory extends DeclaredFactory<Problem> implements ProblemFactory {

        public Factory() {
            super("orthogonal-low-rank",
                    "X* = U V^T, U and V random orthonormal columns (all r singular values 1)",
                    Parameters.of(
                            Parameter.integer("rows", 40, 1, 100_000, "rows of X*"),
                            Parameter.integer("columns", 30, 1, 100_000, "columns of X*"),
                            Parameter.integer("rank", 2, 1, 100_000, "rank r of X* (at most min(rows, columns))")));
        }

        @Override
        public Problem create(Config config, BuildContext context) {
            int rows = config.integer("rows");
            int columns = config.integer("columns");
            int rank = config.integer("rank");
            if (rank > Math.min(rows, columns)) {
                throw new ConfigException("rank", rank + " is more than min(rows, columns) = " + Math.min(rows, columns));
            }
            return new OrthogonalLowRank(rows, columns, rank);
        }
    }
}
