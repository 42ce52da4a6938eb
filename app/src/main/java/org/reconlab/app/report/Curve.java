package org.reconlab.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reconlab.core.stats.LogLogFit;

/**
 * One line of an XY plot: at each x, the centre of the values there and the band from their minimum to their maximum.
 * On a log axis the centre is the geometric mean (the mean of the logarithms, what the eye reads on that axis) and
 * values at or below zero are left out, since they have no place on it.
 *
 * @param label legend text
 * @param x increasing x
 * @param center centre at each x
 * @param low smallest value at each x
 * @param high largest value at each x
 * @param count values behind each point (one value: no band)
 * @param fit the least-squares power law through every value, when the plot is log-log
 */
record Curve(String label, double[] x, double[] center, double[] low, double[] high, int[] count,
        Optional<LogLogFit> fit) {

    /** Whether any point has a band of non-zero width. */
    boolean hasBand() {
        for (int i = 0; i < x.length; i++) {
            if (count[i] > 1 && high[i] > low[i]) {
                return true;
            }
        }
        return false;
    }

    /** The values of one line before summary: at each x, the values of every trial there. */
    record Raw(String label, double[] x, List<double[]> values) {

        /** Summarizes; drops x with no usable value. */
        Curve summarize(boolean logY, boolean fitPowerLaw) {
            List<double[]> rows = new ArrayList<>();
            List<Double> fitX = new ArrayList<>();
            List<Double> fitY = new ArrayList<>();
            for (int i = 0; i < x.length; i++) {
                double[] kept = usable(values.get(i), logY);
                if (kept.length == 0) {
                    continue;
                }
                double center = 0;
                double low = Double.POSITIVE_INFINITY;
                double high = Double.NEGATIVE_INFINITY;
                for (double v : kept) {
                    center += logY ? Math.log(v) : v;
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                    fitX.add(x[i]);
                    fitY.add(v);
                }
                center /= kept.length;
                rows.add(new double[] {x[i], logY ? Math.exp(center) : center, low, high, kept.length});
            }
            Optional<LogLogFit> fit = Optional.empty();
            if (fitPowerLaw) {
                LogLogFit f = LogLogFit.fit(fitX.stream().mapToDouble(Double::doubleValue).toArray(),
                        fitY.stream().mapToDouble(Double::doubleValue).toArray());
                fit = f.isDefined() ? Optional.of(f) : Optional.empty();
            }
            int n = rows.size();
            double[][] columns = new double[5][n];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 5; c++) {
                    columns[c][i] = rows.get(i)[c];
                }
            }
            int[] count = new int[n];
            for (int i = 0; i < n; i++) {
                count[i] = (int) columns[4][i];
            }
            return new Curve(label, columns[0], columns[1], columns[2], columns[3], count, fit);
        }

        /** Every finite value here (and positive on a log axis), and how many were left out. */
        static double[] usable(double[] values, boolean log) {
            return java.util.Arrays.stream(values).filter(v -> Double.isFinite(v) && (!log || v > 0)).toArray();
        }

        /** How many finite values at or below zero the curve holds (hidden on a log axis). */
        int nonPositive() {
            int count = 0;
            for (double[] at : values) {
                for (double v : at) {
                    if (Double.isFinite(v) && v <= 0) {
                        count++;
                    }
                }
            }
            return count;
        }
    }
}
