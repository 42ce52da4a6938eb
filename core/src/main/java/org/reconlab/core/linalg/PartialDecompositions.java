package org.reconlab.core.linalg;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix1D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import cern.colt.matrix.linalg.EigenvalueDecomposition;
import cern.colt.matrix.linalg.SingularValueDecomposition;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The top {@code r} eigenpairs of a symmetric matrix and the top {@code r} singular triplets of any matrix, without a
 * full decomposition: for {@code r} much smaller than the dimension {@code n} this costs a few dozen products with
 * the matrix ({@code O(n^2 r)} each) instead of the {@code O(n^3)} of Colt's full eigen- or singular value
 * decomposition.
 *
 * <p>Method: block Krylov (block Lanczos with full reorthogonalization and explicit restarts). Starting from a block
 * of {@code b = max(r + 2, 2 r)} vectors, the basis {@code Q} of {@code span{V, A V, A^2 V, ...}} grows one block per
 * step; after each step the Rayleigh-Ritz problem {@code Q^T A Q s = theta s} (at most {@code 4b x 4b}, solved by
 * Colt) gives Ritz pairs {@code (theta, Q s)}. When the basis holds {@code 4b} vectors it restarts from the top
 * {@code b} Ritz vectors (their images {@code A Q s} are kept, so no product is repeated), which bounds memory and
 * the Rayleigh-Ritz cost. The method stops when the top {@code r} Ritz pairs have residuals
 * {@code ||A y - theta y|| <= 1e-10 ||A||} (then each eigenvalue is accurate to {@code residual^2 / gap} and each
 * eigenvector to {@code residual / gap}), or when the basis spans the whole space and the result is exact.
 * Gram-Schmidt is applied twice against the whole basis, so the basis stays orthonormal to rounding. A block that
 * loses rank (an invariant subspace was found, as for a matrix with few distinct eigenvalues) is refilled with fresh
 * start vectors, so eigenvalues of multiplicity up to {@code b} are found with all their copies. See Golub and Van
 * Loan, Matrix Computations, 4th ed., sections 10.1-10.3. Should it not converge within {@code 50 n} products (it
 * has not happened on any test), the full decomposition is used instead.
 *
 * <p>The singular triplets come from the symmetric matrix {@code [[0, A], [A^T, 0]]}, whose top eigenvalues are
 * {@code sigma_1 >= ... >= sigma_r} with eigenvectors {@code (u; v) / sqrt(2)}; it keeps the accuracy relative to
 * {@code sigma_1} (working on {@code A^T A} would square the condition number). The right vectors of the top
 * {@code r} are orthonormalized and the small matrix {@code A V} decomposed by Colt, so the triplets are consistent
 * whatever the rounding.
 *
 * <p>The start block is a fixed pseudo-random matrix (a constant seed), so the result is a deterministic function
 * of the input; eigenvectors are signed so that their largest-magnitude entry is positive.
 */
public final class PartialDecompositions {

    /** Relative residual {@code ||A y - theta y|| / ||A||} at which a Ritz pair counts as converged. */
    public static final double TOLERANCE = 1e-10;

    private static final long START_SEED = 0x5EED_2018L;

    /** A vector whose norm falls below this fraction in Gram-Schmidt is dependent on the basis. */
    private static final double DEPENDENT = 1e-10;

    private PartialDecompositions() {
    }

    /** A symmetric linear map on {@code R^n}. */
    interface SymmetricOperator {
        int size();

        void apply(double[] v, double[] out);
    }

    /** The {@code r} algebraically largest eigenpairs of the symmetric part of {@code a}, in decreasing order. */
    public static Decompositions.Eigen topEigen(DoubleMatrix2D a, int r) {
        Decompositions.requireFinite(a, "top eigenpairs");
        if (a.rows() != a.columns()) {
            throw new IllegalArgumentException("not square: " + a.rows() + " x " + a.columns());
        }
        int n = a.rows();
        checkCount(r, n, a);
        double[] s = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i * n + j] = 0.5 * (a.getQuick(i, j) + a.getQuick(j, i));
            }
        }
        Ritz ritz = solve(new SymmetricOperator() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public void apply(double[] v, double[] out) {
                for (int i = 0; i < n; i++) {
                    double sum = 0;
                    int row = i * n;
                    for (int j = 0; j < n; j++) {
                        sum += s[row + j] * v[j];
                    }
                    out[i] = sum;
                }
            }
        }, r);
        if (ritz == null) {
            return Decompositions.truncate(Decompositions.symmetricEigen(a), r);
        }
        DoubleMatrix1D values = new DenseDoubleMatrix1D(r);
        DoubleMatrix2D vectors = new DenseDoubleMatrix2D(n, r);
        for (int t = 0; t < r; t++) {
            values.setQuick(t, ritz.values[t]);
            double[] y = ritz.vectors[t];
            double sign = signOfLargest(y);
            for (int i = 0; i < n; i++) {
                vectors.setQuick(i, t, sign * y[i]);
            }
        }
        return new Decompositions.Eigen(values, vectors);
    }

    /**
     * The {@code r} largest singular triplets of {@code a}: {@code U} (rows x r) and {@code V} (columns x r) with
     * orthonormal columns and {@code sigma_1 >= ... >= sigma_r}, so that {@code U diag(sigma) V^T} is a best rank-r
     * approximation of {@code a}.
     */
    public static Decompositions.Svd topSvd(DoubleMatrix2D a, int r) {
        Decompositions.requireFinite(a, "top singular triplets");
        int rows = a.rows();
        int columns = a.columns();
        checkCount(r, Math.min(rows, columns), a);
        double[][] dense = a.toArray();
        Ritz ritz = solve(new SymmetricOperator() {
            @Override
            public int size() {
                return rows + columns;
            }

            @Override
            public void apply(double[] v, double[] out) {
                // [[0, A], [A^T, 0]] (u; w) = (A w; A^T u)
                for (int i = 0; i < rows; i++) {
                    double sum = 0;
                    double[] row = dense[i];
                    for (int j = 0; j < columns; j++) {
                        sum += row[j] * v[rows + j];
                    }
                    out[i] = sum;
                }
                java.util.Arrays.fill(out, rows, rows + columns, 0.0);
                for (int i = 0; i < rows; i++) {
                    double ui = v[i];
                    double[] row = dense[i];
                    for (int j = 0; j < columns; j++) {
                        out[rows + j] += row[j] * ui;
                    }
                }
            }
        }, r);
        if (ritz == null) {
            return Decompositions.truncate(Decompositions.svd(a), r);
        }
        DoubleMatrix2D right = new DenseDoubleMatrix2D(columns, r);
        for (int t = 0; t < r; t++) {
            for (int j = 0; j < columns; j++) {
                right.setQuick(j, t, ritz.vectors[t][rows + j]);
            }
        }
        DoubleMatrix2D v = orthonormalColumns(right);
        if (v == null) {
            // sigma_r is zero to rounding (r exceeds the rank): its right vector is not determined by the
            // augmented problem, and the full decomposition is as cheap as it gets at such a degenerate input
            return Decompositions.truncate(Decompositions.svd(a), r);
        }
        // Rayleigh-Ritz for singular values: A V = U_B diag(s) W^T, so A ~ U_B diag(s) (V W)^T
        DoubleMatrix2D av = MatrixOps.mult(a, v);
        Decompositions.requireFinite(av, "Rayleigh-Ritz SVD");
        SingularValueDecomposition small = new SingularValueDecomposition(av);
        DoubleMatrix2D u = small.getU();
        DoubleMatrix2D vw = MatrixOps.mult(v, small.getV());
        for (int t = 0; t < r; t++) {
            double sign = signOfLargest(column(vw, t));
            if (sign < 0) {
                for (int j = 0; j < columns; j++) {
                    vw.setQuick(j, t, -vw.getQuick(j, t));
                }
                for (int i = 0; i < rows; i++) {
                    u.setQuick(i, t, -u.getQuick(i, t));
                }
            }
        }
        return new Decompositions.Svd(u, new DenseDoubleMatrix1D(small.getSingularValues()), vw);
    }

    /** Ritz pairs, values decreasing, with their images under the operator and whether each has converged. */
    record Ritz(double[] values, double[][] vectors, double[][] images, boolean[] converged) {

        boolean converged(int r) {
            for (int t = 0; t < r; t++) {
                if (!converged[t]) {
                    return false;
                }
            }
            return true;
        }

        Ritz top(int r) {
            return new Ritz(java.util.Arrays.copyOf(values, r), java.util.Arrays.copyOf(vectors, r),
                    java.util.Arrays.copyOf(images, r), java.util.Arrays.copyOf(converged, r));
        }
    }

    /** The top-r Ritz pairs, converged or exact; null if the method stalls (callers then decompose fully). */
    static Ritz solve(SymmetricOperator operator, int r) {
        int n = operator.size();
        int block = Math.min(n, Math.max(r + 2, 2 * r));
        int maxBasis = Math.min(n, 4 * block);
        long budget = 50L * n + 1000;
        SplittableRandom random = new SplittableRandom(START_SEED);
        List<double[]> basis = new ArrayList<>();
        List<double[]> images = new ArrayList<>();
        List<double[]> candidates = new ArrayList<>();
        for (int t = 0; t < block; t++) {
            candidates.add(randomVector(n, random));
        }
        double[][] h = new double[0][];
        long products = 0;
        while (products <= budget) {
            int room = Math.min(block, maxBasis - basis.size());
            List<double[]> added = extend(basis, candidates, room, n, random);
            int start = basis.size() - added.size();
            h = grow(h, basis.size());
            for (int t = 0; t < added.size(); t++) {
                double[] image = new double[n];
                operator.apply(added.get(t), image);
                products++;
                images.add(image);
                for (int i = 0; i < basis.size(); i++) {
                    double value = dot(basis.get(i), image);
                    h[i][start + t] = value;
                    h[start + t][i] = value;
                }
            }
            Ritz all = rayleighRitz(h, basis, images, Math.min(block, basis.size()), n);
            boolean exact = basis.size() == n || added.isEmpty();
            if (exact || all.converged(r)) {
                return all.top(r);
            }
            if (basis.size() + Math.min(block, n - basis.size()) > maxBasis) {
                // explicit restart: keep the top Ritz vectors, whose images are W s, and continue the Krylov
                // sequence from those images
                basis = new ArrayList<>(List.of(all.vectors));
                images = new ArrayList<>(List.of(all.images));
                h = new double[basis.size()][basis.size()];
                for (int t = 0; t < basis.size(); t++) {
                    h[t][t] = all.values[t];
                }
                candidates = new ArrayList<>();
                for (double[] image : images) {
                    candidates.add(image.clone());
                }
            } else {
                candidates = new ArrayList<>(added.size());
                for (int t = start; t < basis.size(); t++) {
                    candidates.add(images.get(t).clone());
                }
            }
        }
        return null;
    }

    /**
     * Orthonormalizes {@code candidates} against the basis and each other (classical Gram-Schmidt, twice) and appends
     * the independent ones; refills with fresh random vectors up to {@code block} (or the dimension). Returns the
     * vectors added.
     */
    private static List<double[]> extend(List<double[]> basis, List<double[]> candidates, int block, int n,
            SplittableRandom random) {
        List<double[]> added = new ArrayList<>();
        int fresh = 0;
        int c = 0;
        while (added.size() < block && basis.size() < n) {
            double[] v;
            if (c < candidates.size()) {
                v = candidates.get(c++);
            } else if (fresh++ < 4 * block + n) {
                v = randomVector(n, random);
            } else {
                break;
            }
            double before = Math.sqrt(dot(v, v));
            if (before == 0 || !Double.isFinite(before)) {
                continue;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (double[] q : basis) {
                    double projection = dot(q, v);
                    for (int i = 0; i < n; i++) {
                        v[i] -= projection * q[i];
                    }
                }
            }
            double after = Math.sqrt(dot(v, v));
            if (after <= DEPENDENT * before) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                v[i] /= after;
            }
            basis.add(v);
            added.add(v);
        }
        return added;
    }

    /**
     * The {@code count} largest Ritz pairs of the basis, with their images {@code W s} and whether each has
     * converged ({@code ||W s - theta Q s|| <= TOLERANCE ||A||}, {@code ||A||} estimated by the largest |Ritz value|).
     */
    private static Ritz rayleighRitz(double[][] h, List<double[]> basis, List<double[]> images, int count, int n) {
        int k = basis.size();
        DoubleMatrix2D projected = new DenseDoubleMatrix2D(h);
        Decompositions.requireFinite(projected, "Rayleigh-Ritz eigendecomposition");
        EigenvalueDecomposition eig = new EigenvalueDecomposition(projected);
        DoubleMatrix1D theta = eig.getRealEigenvalues();
        DoubleMatrix2D s = eig.getV();
        double norm = Math.max(Math.abs(theta.getQuick(0)), Math.abs(theta.getQuick(k - 1)));
        double[] values = new double[count];
        double[][] vectors = new double[count][];
        double[][] ritzImages = new double[count][];
        boolean[] converged = new boolean[count];
        for (int t = 0; t < count; t++) {
            int column = k - 1 - t;
            double value = theta.getQuick(column);
            double[] y = new double[n];
            double[] ay = new double[n];
            for (int j = 0; j < k; j++) {
                double coefficient = s.getQuick(j, column);
                double[] q = basis.get(j);
                double[] aq = images.get(j);
                for (int i = 0; i < n; i++) {
                    y[i] += coefficient * q[i];
                    ay[i] += coefficient * aq[i];
                }
            }
            double residual = 0;
            for (int i = 0; i < n; i++) {
                double e = ay[i] - value * y[i];
                residual += e * e;
            }
            values[t] = value;
            vectors[t] = y;
            ritzImages[t] = ay;
            converged[t] = Math.sqrt(residual) <= TOLERANCE * Math.max(norm, Double.MIN_NORMAL);
        }
        return new Ritz(values, vectors, ritzImages, converged);
    }

    private static double[][] grow(double[][] h, int size) {
        double[][] bigger = new double[size][size];
        for (int i = 0; i < h.length; i++) {
            System.arraycopy(h[i], 0, bigger[i], 0, h.length);
        }
        return bigger;
    }

    private static double[] randomVector(int n, SplittableRandom random) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] column(DoubleMatrix2D m, int t) {
        double[] c = new double[m.rows()];
        for (int i = 0; i < c.length; i++) {
            c[i] = m.getQuick(i, t);
        }
        return c;
    }

    /** +1 or -1: the sign of the entry of largest magnitude (the first such entry). */
    private static double signOfLargest(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[best])) {
                best = i;
            }
        }
        return v.length == 0 || v[best] >= 0 ? 1 : -1;
    }

    /** Orthonormal columns spanning those of {@code a} (Gram-Schmidt, twice), or null if they are dependent. */
    private static DoubleMatrix2D orthonormalColumns(DoubleMatrix2D a) {
        int n = a.rows();
        int k = a.columns();
        double[][] q = new double[k][];
        for (int t = 0; t < k; t++) {
            double[] v = column(a, t);
            double before = Math.sqrt(dot(v, v));
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < t; j++) {
                    double projection = dot(q[j], v);
                    for (int i = 0; i < n; i++) {
                        v[i] -= projection * q[j][i];
                    }
                }
            }
            double norm = Math.sqrt(dot(v, v));
            if (!(norm > 1e-6 * before)) {
                return null;
            }
            for (int i = 0; i < n; i++) {
                v[i] /= norm;
            }
            q[t] = v;
        }
        DoubleMatrix2D out = new DenseDoubleMatrix2D(n, k);
        for (int t = 0; t < k; t++) {
            for (int i = 0; i < n; i++) {
                out.setQuick(i, t, q[t][i]);
            }
        }
        return out;
    }

    private static void checkCount(int r, int limit, DoubleMatrix2D a) {
        if (r < 1 || r > limit) {
            throw new IllegalArgumentException("asked for " + r + " of the top pairs of a " + a.rows() + " x "
                    + a.columns() + " matrix; need 1 <= r <= " + limit);
        }
    }
}
