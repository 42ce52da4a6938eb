package org.reconlab.core.contract;

import cern.colt.matrix.DoubleMatrix2D;
import java.util.List;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.Objective;

/** Central finite differences of an objective, to check analytic gradients against. */
public final class FiniteDifferences {

    private FiniteDifferences() {
    }

    /**
     * The largest difference between the analytic gradient and the central difference {@code (f(x+h e) - f(x-h e)) / 2h}
     * over every entry of every block, relative to the largest gradient entry.
     */
    public static double relativeGradientError(Objective objective, Blocks at, double h) {
        Blocks analytic = objective.evaluate(at).gradient();
        Blocks point = at.copy();
        List<DoubleMatrix2D> blocks = point.list();
        List<DoubleMatrix2D> gradients = analytic.list();
        double worst = 0;
        double scale = 0;
        for (int b = 0; b < blocks.size(); b++) {
            DoubleMatrix2D block = blocks.get(b);
            for (int i = 0; i < block.rows(); i++) {
                for (int j = 0; j < block.columns(); j++) {
                    double original = block.getQuick(i, j);
                    block.setQuick(i, j, original + h);
                    double plus = objective.value(point);
                    block.setQuick(i, j, original - h);
                    double minus = objective.value(point);
                    block.setQuick(i, j, original);
                    double numeric = (plus - minus) / (2 * h);
                    double exact = gradients.get(b).getQuick(i, j);
                    worst = Math.max(worst, Math.abs(numeric - exact));
                    scale = Math.max(scale, Math.abs(exact));
                }
            }
        }
        return worst / Math.max(scale, Double.MIN_NORMAL);
    }
}
