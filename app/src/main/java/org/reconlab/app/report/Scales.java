package org.reconlab.app.report;

import java.util.Collection;

/** When an axis is logarithmic: when its values are positive and span at least {@link #DECADES} decades. */
final class Scales {

    /** Two decades: a metric that falls from 1 to 0.01 or less reads better on a log axis. */
    static final double DECADES = 2;

    private Scales() {
    }

    /**
     * Whether values belong on a log axis: none is negative, some are positive, and the positive ones span at least
     * two decades. Zeros (an exact fit) do not prevent it: they are left off the axis and the caption says so.
     */
    static boolean spansDecades(Collection<double[]> groups) {
        return spans(groups, DECADES);
    }

    /** Like {@link #spansDecades}, for a given number of decades. */
    static boolean spans(Collection<double[]> groups, double decades) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double[] values : groups) {
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    continue;
                }
                if (v < 0) {
                    return false;
                }
                if (v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return max > 0 && Math.log10(max / min) >= decades - 1e-9;
    }

    /**
     * Whether swept values belong on a log axis: positive, and either spanning two decades, or at least three values
     * spaced roughly geometrically (each ratio of neighbours 1.5 or more, the largest ratio at most twice the smallest)
     * over a factor of eight or more, as in {@code d: [8, 16, 32, 64]}.
     */
    static boolean logScaleKey(double[] sortedValues) {
        if (!allPositive(sortedValues) || sortedValues.length < 2) {
            return false;
        }
        if (spansDecades(java.util.List.of(sortedValues))) {
            return true;
        }
        if (sortedValues.length < 3 || sortedValues[sortedValues.length - 1] / sortedValues[0] < 8) {
            return false;
        }
        double smallest = Double.POSITIVE_INFINITY;
        double largest = 0;
        for (int i = 1; i < sortedValues.length; i++) {
            double ratio = sortedValues[i] / sortedValues[i - 1];
            smallest = Math.min(smallest, ratio);
            largest = Math.max(largest, ratio);
        }
        return smallest >= 1.5 && largest <= 2 * smallest;
    }

    /** Whether every value is positive, so a log axis can show them all. */
    static boolean allPositive(double[] values) {
        for (double v : values) {
            if (!(v > 0) || !Double.isFinite(v)) {
                return false;
            }
        }
        return values.length > 0;
    }
}
