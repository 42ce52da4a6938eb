package org.reconlab.deconvolution.problem;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.SplittableRandom;
import org.reconlab.core.linalg.MatrixOps;
import org.reconlab.core.linalg.RandomMatrices;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.BuildContext;
import org.reconlab.core.spi.Config;
import org.reconlab.core.spi.DeclaredFactory;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.Parameters;
import org.reconlab.core.spi.Problem;
import org.reconlab.core.spi.ProblemFactory;
import org.reconlab.core.spi.Shape;

/**
 * The unknowns of blind deconvolution: filter coefficients {@code h} in R^K and signal coefficients {@code m} in R^N,
 * each a standard Gaussian vector normalized to unit norm, and their lift {@code X* = h m^T} (K x N, rank one,
 * {@code ||X*||_F = 1}), the signal to recover. The parts are {@code h} (K x 1) and {@code m} (N x 1).
 *
 * <p>The filter basis B and the signal matrix C, which turn {@code (h, m)} into the convolution
 * {@code (B h) conv (C m)}, belong to the measurement ({@code lifted-convolution}): they are the known operator, drawn
 * afresh with each observation as every reconlab measurement ensemble is.
 */
public final class BlindDeconvolutionProblem implements Problem {

    private final int k;
    private final int n;

    public BlindDeconvolutionProblem(int k, int n) {
        if (k < 1 || n < 1) {
            throw new IllegalArgumentException("K and N must be >= 1, got K = " + k + ", N = " + n);
        }
        this.k = k;
        this.n = n;
    }

    @Override
    public Shape signalShape() {
        return Shape.matrix(k, n);
    }

    @Override
    public GroundTruth draw(SplittableRandom random) {
        DoubleMatrix2D h = unitGaussian(k, random);
        DoubleMatrix2D m = unitGaussian(n, random);
        return new GroundTruth(signalShape(), MatrixOps.multTransB(h, m), Blocks.of("h", h, "m", m));
    }

    private static DoubleMatrix2D unitGaussian(int size, SplittableRandom random) {
        DoubleMatrix2D v = RandomMatrices.gaussian(size, 1, 1, random);
        double norm = MatrixOps.frobeniusNorm(v);
        return v.assign(cern.jet.math.Functions.div(norm));
    }

    public static final class Factory extends DeclaredFactory<Problem> implements ProblemFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("k", null, 1, 10_000, "K, the dimension of the filter's subspace (h in R^K)"),
                Parameter.integer("n", null, 1, 10_000, "N, the dimension of the signal's subspace (m in R^N)"));

        public Factory() {
            super("blind-deconvolution",
                    "unit-norm Gaussian h in R^K and m in R^N, lifted to the rank-one X* = h m^T",
                    PARAMETERS);
        }

        @Override
        public Problem create(Config config, BuildContext context) {
            return new BlindDeconvolutionProblem(config.integer("k"), config.integer("n"));
        }
    }
}
