package org.reconlab.core.linalg;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import cern.colt.matrix.linalg.EigenvalueDecomposition;
import cern.colt.matrix.linalg.SingularValueDecomposition;

/**
 * Spectral decompositions and the projections built on them: top eigenpairs, SVD of any shape, projection onto the
 * PSD cone and onto rank-r PSD matrices, and singular value thresholding (the prox of the nuclear norm).
 */
public final class Decompositions {

    private Decompositions() {
    }

    /** Eigenpairs of a symmetric matrix, eigenvalues in decreasing order, eigenvectors as columns. */
    public record Eigen(DoubleMatrix1D values, DoubleMatrix2D vectors) {
    }

    /** A thin SVD {@code a = U diag(s) V^T}, singular values in decreasing order. */
    public record Svd(DoubleMatrix2D u, DoubleMatrix1D singularValues, DoubleMatrix2D v) {

        public int rank(double tolerance) {
            int rank = 0;
            while (rank < singularValues.size() && singularValues.getQuick(rank) > tolerance) {
                rank++;
            }
            return rank;
        }

        /** {@code U diag(f(s)) V^T} over the leading {@code k} triples. */
        public DoubleMatrix2D reconstruct(int k, java.util.function.DoubleUnaryOperator f) {
            DoubleMatrix2D out = new DenseDoubleMatrix2D(u.rows(), v.rows());
            for (int t = 0; t < k; t++) {
                double s = f.applyAsDouble(singularValues.getQuick(t));
                if (s == 0) {
                    continue;
                }
                for (int i = 0; i < u.rows(); i++) {
                    double ui = s * u.getQuick(i, t);
                    if (ui == 0) {
                        continue;
                    }
                    for (int j = 0; j < v.rows(); j++) {
                        out.setQuick(i, j, out.getQuick(i, j) + ui * v.getQuick(j, t));
                    }
                }
            }
            return out;
        }
    }

    /**
     * Refuses a matrix with a NaN or infinite entry, naming the first one. Every decomposition here starts with it:
     * Colt's SVD iterates until a convergence test that NaN never passes, so it would loop forever.
     *
     * @throws IllegalArgumentException naming the operation, the shape, the entry and where it is
     */
    public static void requireFinite(DoubleMatrix2D a, String operation) {
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.columns(); j++) {
                double value = a.getQuick(i, j);
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(operation + " of a " + a.rows() + " x " + a.columns()
                            + " matrix with entry " + value + " at (" + i + ", " + j + "): needs finite entries");
                }
            }
        }
    }

    /** All eigenpairs of the symmetric part of {@code a}, in decreasing order of eigenvalue. */
    public static Eigen symmetricEigen(DoubleMatrix2D a) {
        requireFinite(a, "eigendecomposition");
        EigenvalueDecomposition eig = new EigenvalueDecomposition(MatrixOps.symmetricPart(a));
        DoubleMatrix1D ascending = eig.getRealEigenvalues();
        DoubleMatrix2D vectors = eig.getV();
        int n = ascending.size();
        DoubleMatrix1D values = new DenseDoubleMatrix1D(n);
        DoubleMatrix2D ordered = new DenseDoubleMatrix2D(n, n);
        for (int k = 0; k < n; k++) {
            values.setQuick(k, ascending.getQuick(n - 1 - k));
            for (int i = 0; i < n; i++) {
                ordered.setQuick(i, k, vectors.getQuick(i, n - 1 - k));
            }
        }
        return new Eigen(values, ordered);
    }

    /**
     * Below this dimension, or when more than a quarter of the pairs are wanted, {@link #topEigen} and {@link #topSvd}
     * use the full decomposition; above it the block Krylov method of {@link PartialDecompositions}.
     */
    public static final int PARTIAL_MIN_DIMENSION = 128;

    /**
     * The {@code r} largest eigenpairs of the symmetric part of {@code a}, eigenvectors signed so that their
     * largest-magnitude entry is positive. For {@code r} small against the dimension they come from
     * {@link PartialDecompositions#topEigen} (a few products with {@code a} instead of a full decomposition).
     */
    public static Eigen topEigen(DoubleMatrix2D a, int r) {
        requireFinite(a, "top eigenpairs");
        if (a.rows() == a.columns() && usePartial(a.rows(), r)) {
            return PartialDecompositions.topEigen(a, r);
        }
        Eigen all = symmetricEigen(a);
        if (r > all.values().size()) {
            throw new IllegalArgumentException("asked for " + r + " eigenpairs of a " + a.rows() + " x " + a.rows() + " matrix");
        }
        return truncate(all, r);
    }

    /**
     * The {@code r} largest singular triplets of {@code a} (a best rank-r approximation), for {@code r} small against
     * the dimensions from {@link PartialDecompositions#topSvd}, else from the full {@link #svd}.
     */
    public static Svd topSvd(DoubleMatrix2D a, int r) {
        requireFinite(a, "top singular triplets");
        int limit = Math.min(a.rows(), a.columns());
        if (r < 1 || r > limit) {
            throw new IllegalArgumentException("asked for " + r + " singular triplets of a " + a.rows() + " x "
                    + a.columns() + " matrix");
        }
        return usePartial(limit, r) ? PartialDecompositions.topSvd(a, r) : truncate(svd(a), r);
    }

    /** The leading {@code r} pairs of {@code eigen}, signed as {@link #topEigen} signs them. */
    static Eigen truncate(Eigen eigen, int r) {
        DoubleMatrix2D vectors = eigen.vectors().viewPart(0, 0, eigen.vectors().rows(), r).copy();
        signLargestPositive(vectors);
        return new Eigen(eigen.values().viewPart(0, r).copy(), vectors);
    }

    /** The leading {@code r} triplets of {@code svd}. */
    static Svd truncate(Svd svd, int r) {
        return new Svd(svd.u().viewPart(0, 0, svd.u().rows(), r).copy(), svd.singularValues().viewPart(0, r).copy(),
                svd.v().viewPart(0, 0, svd.v().rows(), r).copy());
    }

    private static boolean usePartial(int dimension, int r) {
        return dimension >= PARTIAL_MIN_DIMENSION && 4 * r <= dimension;
    }

    private static void signLargestPositive(DoubleMatrix2D vectors) {
        for (int t = 0; t < vectors.columns(); t++) {
            int best = 0;
            for (int i = 1; i < vectors.rows(); i++) {
                if (Math.abs(vectors.getQuick(i, t)) > Math.abs(vectors.getQuick(best, t))) {
                    best = i;
                }
            }
            if (vectors.rows() > 0 && vectors.getQuick(best, t) < 0) {
                for (int i = 0; i < vectors.rows(); i++) {
                    vectors.setQuick(i, t, -vectors.getQuick(i, t));
                }
            }
        }
    }

    /** The thin SVD of a matrix of any shape (Colt's needs rows >= columns, so wide matrices are transposed). */
    public static Svd svd(DoubleMatrix2D a) {
        requireFinite(a, "SVD");
        if (a.rows() >= a.columns()) {
            SingularValueDecomposition svd = new SingularValueDecomposition(a);
            return new Svd(svd.getU(), new DenseDoubleMatrix1D(svd.getSingularValues()), svd.getV());
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(a.viewDice().copy());
        return new Svd(svd.getV(), new DenseDoubleMatrix1D(svd.getSingularValues()), svd.getU());
    }

    /** The singular values of {@code a}, decreasing. */
    public static double[] singularValues(DoubleMatrix2D a) {
        requireFinite(a, "singular values");
        DoubleMatrix2D tall = a.rows() >= a.columns() ? a : a.viewDice().copy();
        return new SingularValueDecomposition(tall).getSingularValues();
    }

    /** Projection of the symmetric part of {@code a} onto the PSD cone: negative eigenvalues set to zero. */
    public static DoubleMatrix2D projectPsd(DoubleMatrix2D a) {
        return projectPsdRank(a, a.rows());
    }

    /** Projection of the symmetric part of {@code a} onto PSD matrices of rank at most {@code r}. */
    public static DoubleMatrix2D projectPsdRank(DoubleMatrix2D a, int r) {
        Eigen eig = symmetricEigen(a);
        int n = a.rows();
        DoubleMatrix2D out = new DenseDoubleMatrix2D(n, n);
        for (int k = 0; k < Math.min(r, n); k++) {
            double lambda = eig.values().getQuick(k);
            if (lambda <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                double vi = lambda * eig.vectors().getQuick(i, k);
                for (int j = 0; j < n; j++) {
                    out.setQuick(i, j, out.getQuick(i, j) + vi * eig.vectors().getQuick(j, k));
                }
            }
        }
        return out;
    }

    /**
     * Singular value thresholding, the proximal operator of {@code tau ||.||_*}:
     * {@code U diag(max(s - tau, 0)) V^T} (Cai, Candes and Shen 2010).
     */
    public static DoubleMatrix2D singularValueThreshold(DoubleMatrix2D a, double tau) {
        if (!(tau >= 0)) {
            throw new IllegalArgumentException("threshold must be >= 0, got " + tau);
        }
        Svd svd = svd(a);
        return svd.reconstruct(svd.rank(tau), s -> s - tau);
    }

    /** The nuclear norm, the sum of singular values. */
    public static double nuclearNorm(DoubleMatrix2D a) {
        double sum = 0;
        for (double s : singularValues(a)) {
            sum += s;
        }
        return sum;
    }

    /**
     * The sine of the largest principal angle between the column spaces of two matrices with orthonormal columns
     * of the same count: {@code ||(I - P_a) b||_2}.
     */
    public static double largestPrincipalAngleSine(DoubleMatrix2D orthonormalA, DoubleMatrix2D orthonormalB) {
        DoubleMatrix2D residual = orthonormalB.copy();
        DoubleMatrix2D projection = MatrixOps.mult(orthonormalA, MatrixOps.multTransA(orthonormalA, orthonormalB));
        residual.assign(projection, cern.jet.math.Functions.minus);
        double[] s = singularValues(residual);
        return Math.min(1.0, s.length == 0 ? 0 : s[0]);
    }
}
