package org.reconlab.networks.reparam;

import static java.util.Objects.requireNonNull;
import static org.reconlab.networks.reparam.DenseVectors.norm;
import static org.reconlab.networks.reparam.DenseVectors.residual;

import cern.colt.matrix.DoubleMatrix1D;
import cern.colt.matrix.DoubleMatrix2D;
import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import cern.colt.matrix.linalg.CholeskyDecomposition;

/**
 * The exact l^p minimizer {@code argmin ||w||_p^p subject to A w = y} for {@code 1 < p <= 2}: no smoothing, no
 * offset, and nothing in common with a reparametrization's flow, so it is the independent reference the flow's limit
 * is measured against (docs/science.md section 3).
 *
 * <p>Method: damped Newton on the Lagrange dual. With {@code R(w) = |w|^p / p} and {@code q = p / (p - 1) >= 2} the
 * conjugate is {@code R*(z) = |z|^q / q}, so the dual is the unconstrained, smooth ({@code C^2} since {@code q >= 2})
 * and strictly convex problem
 * <pre>
 *   min_lambda phi(lambda) = sum_j |z_j|^q / q - &lt;lambda, y&gt;,   z = A^T lambda,
 * </pre>
 * with gradient {@code A w(lambda) - y}, {@code w_j = sign(z_j) |z_j|^(q-1)}, and Hessian
 * {@code (q - 1) A diag(|z|^(q-2)) A^T}. At a dual minimizer {@code w(lambda)} satisfies the primal optimality
 * conditions {@code A w = y}, {@code sign(w) |w|^(p-1) = A^T lambda} exactly, so the primal error is set by the
 * constraint residual alone. Newton steps are damped by Armijo backtracking on {@code phi} itself (globally convergent
 * for a coercive convex {@code C^2} function, quadratic near a minimizer whose Hessian is non-singular). The start is
 * the minimum-norm dual direction {@code (A A^T)^{-1} y}, rescaled to the exact minimizer of {@code phi} along it:
 * from {@code lambda = 0} the Hessian vanishes when {@code q > 2}. The iteration stops when
 * {@code ||A w - y|| <= 1e-13 (1 + ||y||)}, or, once no step decreases {@code phi} any more, at a residual below
 * {@code 1e-10 (1 + ||y||)} (rounding in {@code |z|^(q-1)} when {@code p} is near 1).
 */
public final class LpMinimizer {

    private static final int MAX_ITERATIONS = 500;
    private static final double ARMIJO = 1e-4;

    private LpMinimizer() {
    }

    /** The minimizer of {@code ||w||_p^p} over {@code A w = y}; A must have full row rank. */
    public static double[] solve(double p, DoubleMatrix2D a, DoubleMatrix1D y) {
        requireNonNull(a, "a is null");
        requireNonNull(y, "y is null");
        if (!(p > 1 && p <= 2)) {
            throw new IllegalArgumentException("the exact l^p minimizer needs 1 < p <= 2, got p = " + p);
        }
        int n = a.rows();
        int d = a.columns();
        if (y.size() != n) {
            throw new IllegalArgumentException("A has " + n + " rows, y has " + y.size() + " entries");
        }
        double q = p / (p - 1);
        double[] yArray = y.toArray();
        double yNorm = norm(yArray);
        if (yNorm == 0) {
            return new double[d];
        }
        double tolerance = 1e-13 * (1 + yNorm);
        double[] lambda = start(a, yArray, q);
        double[] z = new double[d];
        double[] w = new double[d];
        multiplyTransposed(a, lambda, z);
        double value = dual(z, lambda, yArray, q, w);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = residual(a, w, yArray);
            double gradientNorm = norm(gradient);
            if (gradientNorm <= tolerance) {
                return w;
            }
            double[] direction = newtonDirection(a, z, gradient, q);
            double slope = 0;
            for (int i = 0; i < n; i++) {
                slope += gradient[i] * direction[i];
            }
            // Once the predicted decrease of phi is below its rounding, Armijo on phi cannot see progress; the
            // residual ||A w - y|| is then the merit (the Newton direction decreases it: d/dt ||g||^2 = -2 ||g||^2).
            boolean residualMerit = -slope <= 1e-12 * (1 + Math.abs(value));
            double[] trial = new double[n];
            double[] trialZ = new double[d];
            double[] trialW = new double[d];
            double t = 1;
            boolean accepted = false;
            while (t >= 1e-20) {
                for (int i = 0; i < n; i++) {
                    trial[i] = lambda[i] + t * direction[i];
                }
                multiplyTransposed(a, trial, trialZ);
                double trialValue = dual(trialZ, trial, yArray, q, trialW);
                boolean decreases = residualMerit
                        ? norm(residual(a, trialW, yArray)) <= (1 - ARMIJO * t) * gradientNorm
                        : trialValue <= value + ARMIJO * t * slope;
                if (decreases) {
                    lambda = trial;
                    z = trialZ;
                    w = trialW;
                    value = trialValue;
                    accepted = true;
                    break;
                }
                t /= 2;
            }
            if (!accepted) {
                if (gradientNorm <= 1e-10 * (1 + yNorm)) {
                    return w;
                }
                throw new IllegalStateException("the l^p dual Newton line search stalled at p = " + p
                        + " with constraint residual " + gradientNorm);
            }
        }
        throw new IllegalStateException("the l^p dual Newton iteration did not converge in " + MAX_ITERATIONS
                + " steps at p = " + p);
    }

    /** {@code c (A A^T)^{-1} y} with {@code c} minimizing {@code phi} along that ray. */
    private static double[] start(DoubleMatrix2D a, double[] y, double q) {
        int n = a.rows();
        int d = a.columns();
        DoubleMatrix2D gram = new DenseDoubleMatrix2D(n, n);
        for (int i = 0; i < n; i++) {
            for (int k = i; k < n; k++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += a.getQuick(i, j) * a.getQuick(k, j);
                }
                gram.setQuick(i, k, sum);
                gram.setQuick(k, i, sum);
            }
        }
        double[] lambda = solveSpd(gram, y, "A A^T");
        double[] z = new double[d];
        multiplyTransposed(a, lambda, z);
        // phi(c lambda) = c^q S / q - c <lambda, y> is minimal at c^(q-1) = <lambda, y> / S, with <lambda, y> > 0.
        double s = 0;
        for (double zj : z) {
            s += Math.pow(Math.abs(zj), q);
        }
        double ly = 0;
        for (int i = 0; i < n; i++) {
            ly += lambda[i] * y[i];
        }
        double c = Math.pow(ly / s, 1 / (q - 1));
        for (int i = 0; i < n; i++) {
            lambda[i] *= c;
        }
        return lambda;
    }

    /** {@code phi(lambda)}, writing {@code w(lambda)} into {@code w}. */
    private static double dual(double[] z, double[] lambda, double[] y, double q, double[] w) {
        double value = 0;
        for (int j = 0; j < z.length; j++) {
            double magnitude = Math.abs(z[j]);
            double power = Math.pow(magnitude, q - 1);
            w[j] = Math.signum(z[j]) * power;
            value += power * magnitude / q;
        }
        for (int i = 0; i < lambda.length; i++) {
            value -= lambda[i] * y[i];
        }
        return value;
    }

    /**
     * Solves {@code H delta = -gradient} for the dual Hessian. H is singular only when too few {@code z_j} are
     * non-zero; then a Levenberg shift, grown until the factorization succeeds, keeps the step a descent direction.
     */
    private static double[] newtonDirection(DoubleMatrix2D a, double[] z, double[] gradient, double q) {
        int n = a.rows();
        int d = a.columns();
        double[] curvature = new double[d];
        for (int j = 0; j < d; j++) {
            curvature[j] = (q - 1) * Math.pow(Math.abs(z[j]), q - 2);
        }
        DoubleMatrix2D hessian = new DenseDoubleMatrix2D(n, n);
        double trace = 0;
        for (int i = 0; i < n; i++) {
            for (int k = i; k < n; k++) {
                double sum = 0;
                for (int j = 0; j < d; j++) {
                    sum += a.getQuick(i, j) * curvature[j] * a.getQuick(k, j);
                }
                hessian.setQuick(i, k, sum);
                hessian.setQuick(k, i, sum);
            }
            trace += hessian.getQuick(i, i);
        }
        double[] negative = new double[n];
        for (int i = 0; i < n; i++) {
            negative[i] = -gradient[i];
        }
        double shift = 0;
        while (true) {
            DoubleMatrix2D shifted = hessian.copy();
            for (int i = 0; i < n; i++) {
                shifted.setQuick(i, i, shifted.getQuick(i, i) + shift);
            }
            CholeskyDecomposition cholesky = new CholeskyDecomposition(shifted);
            if (cholesky.isSymmetricPositiveDefinite()) {
                return column(cholesky.solve(asColumn(negative)));
            }
            shift = shift == 0 ? 1e-14 * Math.max(trace, Double.MIN_NORMAL) : shift * 100;
            if (!Double.isFinite(shift) || shift > 1e300) {
                throw new IllegalStateException("the l^p dual Hessian cannot be factorized");
            }
        }
    }

    private static double[] solveSpd(DoubleMatrix2D matrix, double[] rhs, String name) {
        CholeskyDecomposition cholesky = new CholeskyDecomposition(matrix);
        if (!cholesky.isSymmetricPositiveDefinite()) {
            throw new IllegalArgumentException(name + " is singular: A (" + matrix.rows()
                    + " rows) must have full row rank");
        }
        return column(cholesky.solve(asColumn(rhs)));
    }

    private static DoubleMatrix2D asColumn(double[] v) {
        DoubleMatrix2D m = new DenseDoubleMatrix2D(v.length, 1);
        for (int i = 0; i < v.length; i++) {
            m.setQuick(i, 0, v[i]);
        }
        return m;
    }

    private static double[] column(DoubleMatrix2D m) {
        double[] v = new double[m.rows()];
        for (int i = 0; i < v.length; i++) {
            v[i] = m.getQuick(i, 0);
        }
        return v;
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
