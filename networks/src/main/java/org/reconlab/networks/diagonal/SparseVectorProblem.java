package org.reconlab.networks.diagonal;

import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import java.util.List;
import java.util.SplittableRandom;
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
 * An s-sparse vector {@code w*} in {@code R^d}: a uniformly random support of size s, with entries either
 * {@code N(0, 1)} ({@code gaussian}) or random signs ({@code sign}). The support is kept as the part
 * {@code support} (an s x 1 column of indices, increasing).
 */
public final class SparseVectorProblem implements Problem {

    private final int dimension;
    private final int sparsity;
    private final boolean signs;

    public SparseVectorProblem(int dimension, int sparsity, boolean signs) {
        if (dimension < 1 || sparsity < 0 || sparsity > dimension) {
            throw new IllegalArgumentException("need 0 <= sparsity <= d, d >= 1; got d = " + dimension + ", sparsity = "
                    + sparsity);
        }
        this.dimension = dimension;
        this.sparsity = sparsity;
        this.signs = signs;
    }

    @Override
    public Shape signalShape() {
        return Shape.vector(dimension);
    }

    @Override
    public GroundTruth draw(SplittableRandom random) {
        // Partial Fisher-Yates shuffle: the first s entries are a uniform random s-subset.
        int[] indices = new int[dimension];
        for (int i = 0; i < dimension; i++) {
            indices[i] = i;
        }
        for (int i = 0; i < sparsity; i++) {
            int j = i + random.nextInt(dimension - i);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        int[] support = java.util.Arrays.copyOf(indices, sparsity);
        java.util.Arrays.sort(support);
        DoubleMatrix2D w = new DenseDoubleMatrix2D(dimension, 1);
        DoubleMatrix2D supportBlock = new DenseDoubleMatrix2D(sparsity, 1);
        for (int k = 0; k < sparsity; k++) {
            double value = signs ? (random.nextBoolean() ? 1 : -1) : random.nextGaussian();
            w.setQuick(support[k], 0, value);
            supportBlock.setQuick(k, 0, support[k]);
        }
        return new GroundTruth(signalShape(), w, Blocks.of("support", supportBlock));
    }

    public static final class Factory extends DeclaredFactory<Problem> implements ProblemFactory {
        private static final Parameters PARAMETERS = Parameters.of(
                Parameter.integer("d", null, 1, 100_000_000, "dimension"),
                Parameter.integer("sparsity", 5, 0, 100_000_000, "number of non-zero entries s"),
                Parameter.choice("values", "gaussian", List.of("gaussian", "sign"),
                        "distribution of the non-zero entries: N(0, 1) or random signs"));

        public Factory() {
            super("sparse-vector", "s-sparse vector in R^d on a uniformly random support", PARAMETERS);
        }

        @Override
        public Problem create(Config config, BuildContext context) {
            int d = config.integer("d");
            int sparsity = config.integer("sparsity");
            if (sparsity > d) {
                throw new ConfigException("sparsity", "sparsity " + sparsity + " exceeds the dimension d = " + d);
            }
            return new SparseVectorProblem(d, sparsity, config.choice("values").equals("sign"));
        }
    }
}
