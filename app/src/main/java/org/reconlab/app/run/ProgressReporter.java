package org.reconlab.app.run;

import java.io.PrintWriter;
import java.util.Map;
import org.reconlab.core.engine.TrialListener;
import org.reconlab.core.engine.TrialResult;

/**
 * Shows how far a run is: on a terminal one line redrawn in place (a bar, trials done, ETA); elsewhere (CI, a log
 * file) one plain line per finished trial.
 */
public final class ProgressReporter implements TrialListener {

    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();

    public ProgressReporter(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void trialFinished(TrialResult result, int finished, int total) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double eta = finished == 0 ? 0 : elapsed / finished * (total - finished);
        if (terminal) {
            int filled = (int) Math.round(BAR_WIDTH * (double) finished / total);
            out.printf("\r[%s%s] %d/%d trials, %s elapsed, ETA %s   ", "#".repeat(filled), ".".repeat(BAR_WIDTH - filled),
                    finished, total, duration(elapsed), duration(eta));
            if (finished == total) {
                out.println();
            }
        } else {
            out.printf("trial %d/%d: #%d %s%s %s in %.1fs, ETA %s%n", finished, total, result.index(),
                    result.status().label(), sweep(result.sweepValues()), firstMetric(result), result.wallSeconds(),
                    duration(eta));
        }
        out.flush();
    }

    private static String sweep(Map<String, Object> values) {
        return values.isEmpty() ? "" : " " + values;
    }

    private static String firstMetric(TrialResult result) {
        return result.finalMetrics().entrySet().stream().findFirst()
                .map(e -> e.getKey() + "=" + String.format("%.3g", e.getValue())).orElse("");
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + String.format("%02d", s % 60) + "s";
        }
        return (s / 3600) + "h" + String.format("%02d", (s % 3600) / 60) + "m";
    }
}
