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
        return max > 0 && Math.log10(max / min) >= DECADES - 1e-9;
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
