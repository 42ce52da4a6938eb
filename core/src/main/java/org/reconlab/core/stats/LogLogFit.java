package org.reconlab.core.stats;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A power law {@code y = c x^slope} fitted by ordinary least squares of {@code log10 y} on {@code log10 x}: the slope
 * of a straight line on log-log axes, the exponent that scaling experiments report (error against initialization
 * scale, against noise level, Lipschitz constant against width).
 *
 * <p>With {@code u_i = log10 x_i}, {@code v_i = log10 y_i} over the usable points:
 * {@code slope = sum (u_i - mean u)(v_i - mean v) / sum (u_i - mean u)^2}, {@code intercept = mean v - slope mean u}
 * (so {@code c = 10^intercept}), and {@code rSquared = 1 - SS_res / SS_tot} on the log scale.
 *
 * <p>A point is usable when x and y are finite and positive (a power law has no logarithm elsewhere); the others are
 * skipped and counted. A fit through fewer than two distinct usable x is undefined: slope, intercept and rSquared are
 * NaN. That is an outcome, not an error, since a sweep whose trials all diverged has nothing to fit.
 *
 * @param slope the exponent of the power law
 * @param intercept log10 of the prefactor c
 * @param rSquared coefficient of determination of the fit on the log scale; 1 when every point lies on the line
 *     (and when all usable y are equal, where the line is exact); NaN when undefined
 * @param points the number of usable points the fit used
 * @param skipped the number of points left out (non-positive or non-finite x or y)
 */
public record LogLogFit(double slope, double intercept, double rSquared, int points, int skipped) {

    /**
     * Fits {@code log10 y = intercept + slope log10 x}.
     *
     * @throws IllegalArgumentException if x and y differ in length
     */
    public static LogLogFit fit(double[] x, double[] y) {
        requireNonNull(x, "x is null");
        requireNonNull(y, "y is null");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        double[] u = new double[x.length];
        double[] v = new double[x.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i])) {
                u[n] = Math.log10(x[i]);
                v[n] = Math.log10(y[i]);
                n++;
            }
        }
        int skipped = x.length - n;
        if (n < 2) {
            return undefined(n, skipped);
        }
        double meanU = 0;
        double meanV = 0;
        for (int i = 0; i < n; i++) {
            meanU += u[i];
            meanV += v[i];
        }
        meanU /= n;
        meanV /= n;
        double suu = 0;
        double suv = 0;
        double svv = 0;
        for (int i = 0; i < n; i++) {
            double du = u[i] - meanU;
            double dv = v[i] - meanV;
            suu += du * du;
            suv += du * dv;
            svv += dv * dv;
        }
        if (suu == 0) {
            // All usable x are equal: a vertical cloud has no slope.
            return undefined(n, skipped);
        }
        double slope = suv / suu;
        double intercept = meanV - slope * meanU;
        double residual = 0;
        for (int i = 0; i < n; i++) {
            double r = v[i] - (intercept + slope * u[i]);
            residual += r * r;
        }
        double rSquared = svv == 0 ? 1.0 : Math.max(0.0, 1.0 - residual / svv);
        return new LogLogFit(slope, intercept, rSquared, n, skipped);
    }

    /** {@link #fit(double[], double[])} on boxed lists, as gathered from trial results. */
    public static LogLogFit fit(List<? extends Number> x, List<? extends Number> y) {
        requireNonNull(x, "x is null");
        requireNonNull(y, "y is null");
        return fit(x.stream().mapToDouble(Number::doubleValue).toArray(), y.stream().mapToDouble(Number::doubleValue).toArray());
    }

    private static LogLogFit undefined(int points, int skipped) {
        return new LogLogFit(Double.NaN, Double.NaN, Double.NaN, points, skipped);
    }

    /** Whether the fit exists (at least two distinct usable x). */
    public boolean isDefined() {
        return !Double.isNaN(slope);
    }

    /** The fitted power law at {@code x}: {@code 10^intercept x^slope}. */
    public double predict(double x) {
        return Math.pow(10, intercept) * Math.pow(x, slope);
    }
}
