package org.reconlab.networks.reparam;

import cern.colt.matrix.DoubleMatrix2D;

/** The vector arithmetic the implicit-bias solvers and their gap metrics share, on plain arrays. */
final class DenseVectors {

    private DenseVectors() {
    }

    /** {@code A w - y}. */
    static double[] residual(DoubleMatrix2D a, double[] w, double[] y) {
        double[] r = new double[a.rows()];
        for (int i = 0; i < r.length; i++) {
            double sum = -y[i];
            for (int j = 0; j < w.length; j++) {
                sum += a.getQuick(i, j) * w[j];
            }
            r[i] = sum;
        }
        return r;
    }

    /** {@code ||v||_2}. */
    static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    /** {@code ||w - target|| / ||target||} (the absolute distance when the target is 0). */
    static double relativeDistance(double[] w, double[] target) {
        double difference = 0;
        double norm = 0;
        for (int j = 0; j < w.length; j++) {
            difference += (w[j] - target[j]) * (w[j] - target[j]);
            norm += target[j] * target[j];
        }
        return Math.sqrt(difference / Math.max(norm, Double.MIN_NORMAL));
    }
}
