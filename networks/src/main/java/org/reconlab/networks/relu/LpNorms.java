package org.reconlab.networks.relu;

import cern.colt.matrix.impl.DenseDoubleMatrix2D;
import cern.jet.stat.Gamma;
import cern.jet.stat.Probability;
import org.reconlab.core.linalg.Decompositions;

/**
 * l^p norms of vectors, {@code l^p -> l^2} operator norms of matrices (exact where that is tractable, rigorous upper
 * bounds otherwise) and the expected l^q norm of a standard Gaussian vector.
 */
public final class LpNorms {

    private LpNorms() {
    }

    /** {@code ||x||_p} for {@code p in [1, inf]}. */
    public static double norm(double[] x, double p) {
        checkExponent(p);
        if (Double.isInfinite(p)) {
            double max = 0;
            for (double v : x) {
                max = Math.max(max, Math.abs(v));
            }
            return max;
        }
        if (p == 1) {
            double sum = 0;
            for (double v : x) {
                sum += Math.abs(v);
            }
            return sum;
        }
        if (p == 2) {
            double sum = 0;
            for (double v : x) {
                sum += v * v;
            }
            return Math.sqrt(sum);
        }
        // Scale by the largest entry first so that |x_i|^p neither overflows nor underflows.
        double max = norm(x, Double.POSITIVE_INFINITY);
        if (max == 0) {
            return 0;
        }
        double sum = 0;
        for (double v : x) {
            sum += Math.pow(Math.abs(v) / max, p);
        }
        return max * Math.pow(sum, 1 / p);
    }

    /**
     * A unit vector of the dual norm that attains {@code <g, u> = ||g||_q}: the gradient of {@code ||.||_q} at
     * {@code g} ({@code u_j = sign(g_j) |g_j|^{q-1} / ||g||_q^{q-1}}), for {@code q = inf} the signed unit vector of
     * the largest entry, for {@code q = 1} the sign vector. Zero for {@code g = 0}.
     */
    public static double[] dualDirection(double[] g, double q) {
        checkExponent(q);
        double[] u = new double[g.length];
        double norm = norm(g, q);
        if (norm == 0) {
            return u;
        }
        if (Double.isInfinite(q)) {
            int best = 0;
            for (int j = 1; j < g.length; j++) {
                if (Math.abs(g[j]) > Math.abs(g[best])) {
                    best = j;
                }
            }
            u[best] = Math.signum(g[best]);
            return u;
        }
        for (int j = 0; j < g.length; j++) {
            u[j] = q == 1 ? Math.signum(g[j]) : Math.signum(g[j]) * Math.pow(Math.abs(g[j]) / norm, q - 1);
        }
        return u;
    }

    /** The spectral norm {@code ||M||_{2->2}}, the largest singular value. */
    public static double spectralNorm(double[][] m) {
        if (m.length == 0 || m[0].length == 0) {
            return 0;
        }
        if (m.length == 1) {
            return norm(m[0], 2);
        }
        return Decompositions.singularValues(new DenseDoubleMatrix2D(m))[0];
    }

    /**
     * An upper bound on {@code ||M||_{p->2} = sup ||M x||_2 / ||x||_p}, exact for {@code p = 1} (the largest column
     * norm), {@code p = 2} (the spectral norm) and a single row (the row's dual norm). For other {@code p}, where
     * the norm is NP-hard in general, the smallest of these valid bounds:
     * <ul>
     *   <li>{@code sqrt(sum_i ||m_i||_q^2)}, Hoelder's inequality row by row;</li>
     *   <li>{@code 1 < p < 2}: {@code ||M||_{1->2}^theta ||M||_{2->2}^{1-theta}} with {@code theta = 2/p - 1}, M.
     *   Riesz's convexity theorem, which holds for real matrices because the exponents stay in the triangle
     *   {@code p <= 2};</li>
     *   <li>{@code p > 2}: {@code d^{1/2 - 1/p} ||M||_{2->2}}, since {@code ||x||_2 <= d^{1/2-1/p} ||x||_p}.</li>
     * </ul>
     */
    public static double pTo2Norm(double[][] m, double p) {
        checkExponent(p);
        int rows = m.length;
        int columns = m[0].length;
        double q = LipschitzProbe.dual(p);
        if (rows == 1) {
            return norm(m[0], q);
        }
        if (p == 1) {
            return largestColumnNorm(m);
        }
        if (p == 2) {
            return spectralNorm(m);
        }
        double rowBound = 0;
        for (double[] row : m) {
            double r = norm(row, q);
            rowBound += r * r;
        }
        rowBound = Math.sqrt(rowBound);
        double spectral = spectralNorm(m);
        if (p < 2) {
            double theta = 2 / p - 1;
            return Math.min(rowBound, Math.pow(largestColumnNorm(m), theta) * Math.pow(spectral, 1 - theta));
        }
        double exponent = Double.isInfinite(p) ? 0.5 : 0.5 - 1 / p;
        return Math.min(rowBound, Math.pow(columns, exponent) * spectral);
    }

    /**
     * {@code E ||g||_q} for a standard Gaussian {@code g} in {@code R^d}: exact for {@code q = 1}
     * ({@code d sqrt(2/pi)}), {@code q = 2} ({@code sqrt(2) Gamma((d+1)/2) / Gamma(d/2)}) and {@code q = inf}
     * ({@code int_0^inf 1 - (2 Phi(t) - 1)^d dt} by quadrature); for other {@code q} the moment value
     * {@code (d E|g_1|^q)^{1/q}}, {@code E|g_1|^q = 2^{q/2} Gamma((q+1)/2) / sqrt(pi)}, an upper bound by Jensen's
     * inequality whose ratio to the exact value tends to 1 as d grows.
     */
    public static double expectedGaussianNorm(int d, double q) {
        checkExponent(q);
        if (d < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + d);
        }
        if (q == 1) {
            return d * Math.sqrt(2 / Math.PI);
        }
        if (q == 2) {
            return Math.sqrt(2) * Math.exp(Gamma.logGamma((d + 1) / 2.0) - Gamma.logGamma(d / 2.0));
        }
        if (Double.isInfinite(q)) {
            return expectedGaussianMaximum(d);
        }
        double logMoment = (q / 2) * Math.log(2) + Gamma.logGamma((q + 1) / 2) - 0.5 * Math.log(Math.PI);
        return Math.exp((Math.log(d) + logMoment) / q);
    }

    /** {@code E max_i |g_i| = int_0^inf P(max > t) dt}, composite Simpson on {@code [0, T]} with a negligible tail. */
    private static double expectedGaussianMaximum(int d) {
        // P(max |g_i| > t) <= 2 d exp(-t^2/2) / (t sqrt(2 pi)): beyond T below 1e-17.
        double upper = Math.sqrt(2 * Math.log(2.0 * d)) + 9;
        int intervals = 20_000;
        double h = upper / intervals;
        double sum = 0;
        for (int k = 0; k <= intervals; k++) {
            double t = k * h;
            double weight = k == 0 || k == intervals ? 1 : (k % 2 == 1 ? 4 : 2);
            sum += weight * exceedance(t, d);
        }
        return sum * h / 3;
    }

    /** {@code P(max_i |g_i| > t) = 1 - (1 - 2 Phi(-t))^d}, computed without cancellation for small tails. */
    private static double exceedance(double t, int d) {
        double tail = 2 * Probability.normal(-t);
        return -Math.expm1(d * Math.log1p(-tail));
    }

    private static double largestColumnNorm(double[][] m) {
        double[] squares = new double[m[0].length];
        for (double[] row : m) {
            for (int j = 0; j < row.length; j++) {
                squares[j] += row[j] * row[j];
            }
        }
        double max = 0;
        for (double s : squares) {
            max = Math.max(max, s);
        }
        return Math.sqrt(max);
    }

    private static void checkExponent(double p) {
        if (!(p >= 1)) {
            throw new IllegalArgumentException("exponent must be in [1, inf], got " + p);
        }
    }
}
