package org.reconlab.sketching.problem;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.MatrixOps;
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
import org.reconlab.sketching.tensor.TProduct;
import org.reconlab.sketching.tensor.Tensor3;

/**
 * A tensor of tubal rank r under the t-product (docs/science.md section 5): {@code L = A * B} with Gaussian factors A
 * (n1 x r x n3) and B (r x n2 x n3), scaled to {@code ||L||_F = 1} unless {@code normalize} is false (then
 * {@code ||L||_F} is about {@code n3 sqrt(n1 n2 r)}, as in the noise heatmaps of Ma, Stöger and Zhu), plus an optional dense Gaussian tail N scaled to
 * {@code ||N||_F = tail-norm}, so {@code X = L + N} is near tubal rank r. Every Fourier-domain slice of L has rank at
 * most r, while its mode-1 unfolding has rank up to {@code r n3}. The ground truth carries blocks {@code A} and
 * {@code B} (unfoldings).
 */
public final class LowTubalRankProblem implements Problem {

    private final int n1;
    private final int n2;
    private final int n3;
    private final int rank;
    private final double tailNorm;
    private final boolean normalize;

    public LowTubalRankProblem(int n1, int n2, int n3, int rank, double tailNorm, boolean normalize) {
        if (rank < 1 || rank > Math.min(n1, n2)) {
            throw new IllegalArgumentException("tubal rank must be in [1, min(n1, n2)] = [1, " + Math.min(n1, n2)
                    + "], got " + rank);
        }
        this.n1 = n1;
        this.n2 = n2;
        this.n3 = n3;
        this.rank = rank;
        this.tailNorm = tailNorm;
        this.normalize = normalize;
    }

    /** The tubal rank r of the planted tensor. */
    public int rank() {
        return rank;
    }

    @Override
    public Shape signalShape() {
        return Shape.tensor(n1, n2, n3);
    }

    /** Draws A, then B, then the tail, from {@code random}. */
    @Override
    public GroundTruth draw(SplittableRandom random) {
        Tensor3 a = Tensor3.gaussian(n1, rank, n3, 1.0, random);
        Tensor3 b = Tensor3.gaussian(rank, n2, n3, 1.0, random);
        DoubleMatrix2D x = TProduct.multiply(a, b).unfolding();
        if (normalize) {
            x.assign(cern.jet.math.Functions.mult(1 / MatrixOps.frobeniusNorm(x)));
        }
        DoubleMatrix2D tail = Tensor3.gaussian(n1, n2, n3, 1.0, random).unfolding();
        if (tailNorm > 0) {
            double scale = tailNorm / MatrixOps.frobeniusNorm(tail);
            x.assign(tail, (xi, ni) -> xi + scale * ni);
        }
        return new GroundTruth(signalShape(), x, Blocks.of("A", a.unfolding(), "B", b.unfolding()));
    }

    public static final class Factory extends DeclaredFactory<Problem> implements ProblemFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("n1", null, 1, Integer.MAX_VALUE, "first dimension"),
                Parameter.integer("n2", null, 1, Integer.MAX_VALUE, "second dimension (default: n1)"),
                Parameter.integer("n3", null, 1, Integer.MAX_VALUE, "third dimension, along which the t-product convolves"),
                Parameter.integer("rank", null, 1, Integer.MAX_VALUE, "r, the tubal rank"),
                Parameter.real("tail-norm", 0.0, 0.0, Double.MAX_VALUE,
                        "Frobenius norm of a dense Gaussian tail added to the low-tubal-rank part"),
                Parameter.bool("normalize", true, "scale the low-tubal-rank part A * B to unit Frobenius norm"));

        public Factory() {
            super("low-tubal-rank",
                    "n1 x n2 x n3 tensor A * B of tubal rank r (t-product), unit Frobenius norm by default, optional tail",
                    PARAMETERS);
        }

        @Override
        public Problem create(Config config, BuildContext context) {
            int n1 = config.integer("n1");
            int n2 = config.optionalInteger("n2").orElse(n1);
            int rank = config.integer("rank");
            if (rank > Math.min(n1, n2)) {
                throw new ConfigException("rank", "tubal rank " + rank + " exceeds min(n1, n2) = " + Math.min(n1, n2));
            }
            return new LowTubalRankProblem(n1, n2, config.integer("n3"), rank, config.real("tail-norm"),
                    config.bool("normalize"));
        }
    }
}
