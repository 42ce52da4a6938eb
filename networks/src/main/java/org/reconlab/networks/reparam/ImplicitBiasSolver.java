package org.reconlab.networks.reparam;

import static java.util.Objects.requireNonNull;
import static org.reconlab.networks.reparam.DenseVectors.norm;
import static org.reconlab.networks.reparam.DenseVectors.residual;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import cern.colt.matrix.linalg.CholeskyDecomposition;

/**
 * {@code argmin sum_i R(w_i) subject to A w = y} for a separable, strictly convex {@code R} given by its link
 * ({@link Reparametrization}), by Newton's method on the dual.
 *
 * <p>The optimality conditions are {@code R'(w) = A^T lambda} and {@code A w = y}, so {@code w(lambda) =
 * (R')^{-1}(A^T lambda)} and {@code lambda} solves {@code F(lambda) = A w(lambda) - y = 0}. F is the gradient of the
 * convex dual {@code phi(lambda) = sum_i R*((A^T lambda)_i) - <lambda, y>}, with Hessian
 * {@code A diag(1/R''(w)) A^T}, positive definite when A has full row rank. Newton steps for {@code F = 0}, damped by
 * backtracking on the merit {@code ||F||} (the Newton direction decreases it: {@code d/dt ||F||^2 = -2 ||F||^2}) and
 * kept with {@code |A^T lambda|} inside the link's range, converge quadratically near the solution; the iteration
 * stops when {@code ||F|| <= 1e-13 (1 + ||y||)}.
 */
public final class ImplicitBiasSolver {

    private static final int MAX_ITERATIONS = 500;

    private ImplicitBiasSolver() {
    }

    /** The minimizer of {@code sum R(w_i)} over {@code A w = y}. */
    public static double[] solve(Reparametrization reparametrization, DoubleMatrix2D a, DoubleMatrix1D y) {
        requireNonNull(reparametrization, "reparametrization is null");
        int n = a.rows();
        int d = a.columns();
        if (y.size() != n) {
            throw new IllegalArgumentException("A has " + n + " rows, y has " + y.size() + " entries");
        }
        double[] yArray = y.toArray();
        double[] lambda = new double[n];
        double tolerance = 1e-13 * (1 + norm(yArray));
        double[] z = new double[d];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            multiplyTransposed(a, lambda, z);
            double[] w = new double[d];
            double[] curvature = new double[d];
            for (int j = 0; j < d; j++) {
                w[j] = reparametrization.inverseLink(z[j]);
                curvature[j] = reparametrization.inverseLinkDerivative(z[j]);
            }
            double[] residual = residual(a, w, yArray);
            if (norm(residual) <= tolerance) {
                return w;
            }
            DoubleMatrix2D hessian = new DenseDoubleMatrix2D(n, n);
            for (int i = 0; i < n; i++) {
                for (int k = i; k < n; k++) {
                    double sum = 0;
                    for (int j = 0; j < d; j++) {
                        sum += a.getQuick(i, j) * curvature[j] * a.getQuick(k, j);
                    }
                    hessian.setQuick(i, k, sum);
                    hessian.setQuick(k, i, sum);
                }
            }
            CholeskyDecomposition cholesky = new CholeskyDecomposition(hessian);
            if (!cholesky.isSymmetricPositiveDefinite()) {
                throw new IllegalStateException("the dual Hessian A diag(1/R'') A^T is singular: A (" + n + " x " + d
                        + ") must have full row rank");
            }
            DoubleMatrix2D rhs = new DenseDoubleMatrix2D(n, 1);
            for (int i = 0; i < n; i++) {
                rhs.setQuick(i, 0, -residual[i]);
            }
            DoubleMatrix2D direction = cholesky.solve(rhs);
            double current = norm(residual);
            double t = 1;
            double[] trial = new double[n];
            double[] trialZ = new double[d];
            while (true) {
                for (int i = 0; i < n; i++) {
                    trial[i] = lambda[i] + t * direction.getQuick(i, 0);
                }
                multiplyTransposed(a, trial, trialZ);
                if (inside(reparametrization, trialZ)
                        && norm(residual(a, inverseLink(reparametrization, trialZ), yArray)) <= (1 - 1e-4 * t) * current) {
                    break;
                }
                t /= 2;
                if (t < 1e-20) {
                    throw new IllegalStateException("the dual Newton line search of " + reparametrization
                            + " stalled with residual " + current);
                }
            }
            lambda = trial.clone();
        }
        throw new IllegalStateException("the dual Newton iteration of " + reparametrization + " did not converge in "
                + MAX_ITERATIONS + " steps");
    }

    private static double[] inverseLink(Reparametrization reparametrization, double[] z) {
        double[] w = new double[z.length];
        for (int j = 0; j < z.length; j++) {
            w[j] = reparametrization.inverseLink(z[j]);
        }
        return w;
    }

    private static boolean inside(Reparametrization reparametrization, double[] z) {
        double bound = reparametrization.linkBound();
        for (double zj : z) {
            if (!(Math.abs(zj) < bound)) {
                return false;
            }
        }
        return true;
    }

    private static void multiplyTransposed(DoubleMatrix2D a, double[] lambda, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < a.rows(); i++) {
            double li = lambda[i];
            for (int j = 0; j < out.length; j++) {
                out[j] += a.getQuick(i, j) * li;
            }
        }
    }
}
