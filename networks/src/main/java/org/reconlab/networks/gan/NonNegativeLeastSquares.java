package org.reconlab.networks.gan;

import static java.util.Objects.requireNonNull;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import cern.colt.matrix.linalg.QRDecomposition;

/**
 * {@code argmin_{h >= 0} ||V h - y||}, by the active-set method of Lawson and Hanson ("Solving Least Squares
 * Problems", 1974, chapter 23), the algorithm behind {@code scipy.optimize.nnls}.
 *
 * <p>The passive set P holds the indices allowed to be positive. The outer loop adds the index whose dual
 * {@code g_j = (V^T (y - V h))_j} is largest while some {@code g_j} is positive; the inner loop solves the
 * unconstrained least-squares problem on P and, while that solution has a non-positive entry, moves h towards it as
 * far as feasibility allows and drops the indices that hit zero. At the end the KKT conditions hold to the
 * tolerance: {@code h >= 0}, {@code g <= tol} everywhere and {@code g_j ~ 0} on P.
 */
public final class NonNegativeLeastSquares {

    private NonNegativeLeastSquares() {
    }

    /** The non-negative h minimizing {@code ||V h - y||}. */
    public static double[] solve(DoubleMatrix2D v, DoubleMatrix1D y) {
        requireNonNull(v, "v is null");
        requireNonNull(y, "y is null");
        int m = v.rows();
        int k = v.columns();
        if (y.size() != m) {
            throw new IllegalArgumentException("V has " + m + " rows, y has " + y.size() + " entries");
        }
        double scale = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < k; j++) {
                scale = Math.max(scale, Math.abs(v.getQuick(i, j)));
            }
        }
        double yNorm = 0;
        for (int i = 0; i < m; i++) {
            yNorm = Math.max(yNorm, Math.abs(y.getQuick(i)));
        }
        // The size of g = V^T r when r is y's rounding error.
        double tolerance = 10 * Math.ulp(1.0) * Math.max(m, k) * scale * Math.max(yNorm, Double.MIN_NORMAL);
        double[] h = new double[k];
        boolean[] passive = new boolean[k];
        int maxIterations = 3 * k + 10;
        for (int outer = 0; outer < maxIterations; outer++) {
            double[] g = dual(v, y, h);
            int entering = -1;
            double best = tolerance;
            for (int j = 0; j < k; j++) {
                if (!passive[j] && g[j] > best) {
                    best = g[j];
                    entering = j;
                }
            }
            if (entering < 0) {
                return h;
            }
            passive[entering] = true;
            for (int inner = 0; inner <= k; inner++) {
                double[] s = leastSquaresOnPassive(v, y, passive);
                double alpha = Double.POSITIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    if (passive[j] && s[j] <= 0) {
                        alpha = Math.min(alpha, h[j] / (h[j] - s[j]));
                    }
                }
                if (alpha == Double.POSITIVE_INFINITY) {
                    h = s;
                    break;
                }
                for (int j = 0; j < k; j++) {
                    h[j] += alpha * (s[j] - h[j]);
                    if (passive[j] && h[j] <= tolerance * 1e-3) {
                        passive[j] = false;
                        h[j] = 0;
                    }
                }
            }
        }
        throw new IllegalStateException("non-negative least squares did not converge in " + maxIterations
                + " outer steps (V " + m + " x " + k + ")");
    }

    /** {@code ||V h - y|| / ||y||} for the NNLS solution: the distance from y to the cone {@code V R^k_+}. */
    public static double relativeConeDistance(DoubleMatrix2D v, DoubleMatrix1D y) {
        double[] h = solve(v, y);
        double residual = 0;
        double norm = 0;
        for (int i = 0; i < v.rows(); i++) {
            double sum = -y.getQuick(i);
            for (int j = 0; j < h.length; j++) {
                sum += v.getQuick(i, j) * h[j];
            }
            residual += sum * sum;
            norm += y.getQuick(i) * y.getQuick(i);
        }
        return Math.sqrt(residual / Math.max(norm, Double.MIN_NORMAL));
    }

    private static double[] dual(DoubleMatrix2D v, DoubleMatrix1D y, double[] h) {
        int m = v.rows();
        int k = v.columns();
        double[] residual = new double[m];
        for (int i = 0; i < m; i++) {
            double sum = y.getQuick(i);
            for (int j = 0; j < k; j++) {
                sum -= v.getQuick(i, j) * h[j];
            }
            residual[i] = sum;
        }
        double[] g = new double[k];
        for (int j = 0; j < k; j++) {
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += v.getQuick(i, j) * residual[i];
            }
            g[j] = sum;
        }
        return g;
    }

    /** The least-squares solution on the passive columns (zero elsewhere), by QR; Lawson-Hanson keeps them independent. */
    private static double[] leastSquaresOnPassive(DoubleMatrix2D v, DoubleMatrix1D y, boolean[] passive) {
        int m = v.rows();
        int count = 0;
        for (boolean p : passive) {
            count += p ? 1 : 0;
        }
        int[] columns = new int[count];
        for (int j = 0, c = 0; j < passive.length; j++) {
            if (passive[j]) {
                columns[c++] = j;
            }
        }
        double[] s = new double[passive.length];
        if (count > m) {
            throw new IllegalStateException("NNLS passive set has " + count + " columns in dimension " + m);
        }
        DoubleMatrix2D sub = new DenseDoubleMatrix2D(m, count);
        for (int i = 0; i < m; i++) {
            for (int c = 0; c < count; c++) {
                sub.setQuick(i, c, v.getQuick(i, columns[c]));
            }
        }
        DoubleMatrix2D rhs = new DenseDoubleMatrix2D(m, 1);
        for (int i = 0; i < m; i++) {
            rhs.setQuick(i, 0, y.getQuick(i));
        }
        QRDecomposition qr = new QRDecomposition(sub);
        if (!qr.hasFullRank()) {
            throw new IllegalStateException("NNLS passive columns became dependent (" + count + " of them)");
        }
        DoubleMatrix2D solution = qr.solve(rhs);
        for (int c = 0; c < count; c++) {
            s[columns[c]] = solution.getQuick(c, 0);
        }
        return s;
    }
}
