package org.reconlab.sensing.problem;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.core.spi.Shape;

/**
 * {@code X* = u v^T} with {@code u} and {@code v} uniform on the unit spheres of R^d1 and R^d2, so
 * {@code ||X*||_F = 1} (SCIENCE.md section 5). Parts {@code u} and {@code v}, as columns.
 */
public final class RankOneProblem implements Problem {

    public static final String U = "u";
    public static final String V = "v";

    private final int d1;
    private final int d2;

    public RankOneProblem(int d1, int d2) {
        if (d1 < 1 || d2 < 1) {
            throw new IllegalArgumentException("dimensions must be >= 1, got " + d1 + " x " + d2);
        }
        this.d1 = d1;
        this.d2 = d2;
    }

    @Override
    public Shape signalShape() {
        return Shape.matrix(d1, d2);
    }

    @Override
    public GroundTruth draw(SplittableRandom random) {
        DoubleMatrix2D u = RandomMatrices.orthonormalColumns(d1, 1, random);
        DoubleMatrix2D v = RandomMatrices.orthonormalColumns(d2, 1, random);
        return new GroundTruth(signalShape(), MatrixOps.multTransB(u, v), Blocks.of(U, u, V, v));
    }

    public static final class Factory implements ProblemFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("d1", 50, 1, 1_000_000, "length n1 of u"),
                Parameter.integer("d2", null, 1, 1_000_000, "length n2 of v (default: d1)"));

        @Override
        public String name() {
            return "rank-one";
        }

        @Override
        public String description() {
            return "u v^T with u, v uniform on the unit spheres";
        }

        @Override
        public Parameters parameters() {
            return PARAMETERS;
        }

        @Override
        public Problem create(Config config, BuildContext context) {
            int d1 = config.integer("d1");
            return new RankOneProblem(d1, config.optionalInteger("d2").orElse(d1));
        }
    }
}
