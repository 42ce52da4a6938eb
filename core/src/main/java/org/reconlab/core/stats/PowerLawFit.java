package org.reconlab.core.stats;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A least-squares fit of a power law {@code y = prefactor * x^exponent}, that is of the line
 * {@code log y = log(prefactor) + exponent * log x}: the "fitted log-log slope" of a scaling plot (error against
 * initialization scale, Lipschitz constant against dimension).
 *
 * @param exponent the slope of {@code log y} against {@code log x}
 * @param prefactor {@code exp} of the intercept
 * @param rSquared the fraction of the variance of {@code log y} the line explains (1 for points exactly on a power law)
 * @param points how many points were fitted
 */
public record PowerLawFit(double exponent, double prefactor, double rSquared, int points) {

    /**
     * Fits {@code y ~ x^exponent} to the pairs {@code (x[i], y[i])}.
     *
     * @throws IllegalArgumentException if the arrays differ in length, hold fewer than two points or fewer than two
     *     distinct {@code x}, or hold a value that is not finite and positive (a log-log fit has no use for them)
     */
    public static PowerLawFit fit(double[] x, double[] y) {
        requireNonNull(x, "x is null");
        requireNonNull(y, "y is null");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values, y has " + y.length);
        }
        int n = x.length;
        if (n < 2) {
            throw new IllegalArgumentException("a power-law fit needs at least 2 points, got " + n);
        }
        double[] logX = new double[n];
        double[] logY = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(x[i] > 0 && y[i] > 0 && Double.isFinite(x[i]) && Double.isFinite(y[i]))) {
                throw new IllegalArgumentException("point " + i + " is (" + x[i] + ", " + y[i]
                        + "); a log-log fit needs finite positive values");
            }
            logX[i] = Math.log(x[i]);
            logY[i] = Math.log(y[i]);
        }
        double meanX = mean(logX);
        double meanY = mean(logY);
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = logX[i] - meanX;
            double dy = logY[i] - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("all " + n + " x values are equal (" + x[0] + "); no slope to fit");
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double residual = 0;
        for (int i = 0; i < n; i++) {
            double r = logY[i] - intercept - slope * logX[i];
            residual += r * r;
        }
        double rSquared = syy == 0 ? 1.0 : 1.0 - residual / syy;
        return new PowerLawFit(slope, Math.exp(intercept), rSquared, n);
    }

    /** {@link #fit(double[], double[])} on boxed lists, as gathered from trial results. */
    public static PowerLawFit fit(List<? extends Number> x, List<? extends Number> y) {
        requireNonNull(x, "x is null");
        requireNonNull(y, "y is null");
        return fit(x.stream().mapToDouble(Number::doubleValue).toArray(), y.stream().mapToDouble(Number::doubleValue).toArray());
    }

    /** The fitted value {@code prefactor * x^exponent}. */
    public double predict(double x) {
        return prefactor * Math.pow(x, exponent);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
