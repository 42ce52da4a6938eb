package org.reconlab.networks.relu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LpNormsTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void vectorNorms() {
        double[] x = {3, -4};
        assertThat(LpNorms.norm(x, 1)).isEqualTo(7);
        assertThat(LpNorms.norm(x, 2)).isEqualTo(5);
        assertThat(LpNorms.norm(x, INF)).isEqualTo(4);
        assertThat(LpNorms.norm(x, 3)).isCloseTo(Math.cbrt(27 + 64), within(1e-14));
        assertThat(LpNorms.norm(new double[] {1e-200, 1e-200}, 3)).isCloseTo(Math.cbrt(2) * 1e-200, within(1e-214));
        assertThat(LipschitzProbe.dual(1)).isEqualTo(INF);
        assertThat(LipschitzProbe.dual(INF)).isEqualTo(1);
        assertThat(LipschitzProbe.dual(4)).isCloseTo(4.0 / 3, within(1e-15));
    }

    @Test
    void dualDirectionAttainsTheDualNorm() {
        double[] g = new SplittableRandom(1).doubles(7).map(v -> v - 0.5).toArray();
        for (double q : new double[] {1, 1.5, 2, 3, INF}) {
            double[] u = LpNorms.dualDirection(g, q);
            double inner = 0;
            for (int j = 0; j < g.length; j++) {
                inner += g[j] * u[j];
            }
            assertThat(inner).as("q = %s", q).isCloseTo(LpNorms.norm(g, q), within(1e-12));
            assertThat(LpNorms.norm(u, LipschitzProbe.dual(q))).as("q = %s", q).isCloseTo(1, within(1e-12));
        }
        assertThat(LpNorms.dualDirection(new double[3], 2)).containsExactly(0, 0, 0);
    }

    @Test
    void operatorNormsAreExactForPOneAndTwo() {
        double[][] m = {{3, 0}, {4, 5}};
        assertThat(LpNorms.pTo2Norm(m, 1)).isCloseTo(5, within(1e-12));
        // M^T M = [[25, 20], [20, 25]], eigenvalues 45 and 5
        assertThat(LpNorms.pTo2Norm(m, 2)).isCloseTo(Math.sqrt(45), within(1e-12));
        assertThat(LpNorms.spectralNorm(m)).isCloseTo(Math.sqrt(45), within(1e-12));
        assertThat(LpNorms.pTo2Norm(new double[][] {{3, -4}}, INF)).isEqualTo(7);
    }

    @Test
    void operatorNormBoundsHoldAndAreExactOnTheCubeForPInfinity() {
        SplittableRandom random = new SplittableRandom(2);
        int rows = 5;
        int columns = 6;
        double[][] m = new double[rows][columns];
        for (double[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = random.nextGaussian();
            }
        }
        // ||M||_{inf->2}: the maximum of the convex ||Mx||_2 over the cube is at a vertex.
        double cube = 0;
        for (int mask = 0; mask < 1 << columns; mask++) {
            double[] x = new double[columns];
            for (int j = 0; j < columns; j++) {
                x[j] = (mask >> j & 1) == 1 ? 1 : -1;
            }
            cube = Math.max(cube, ratio(m, x, INF));
        }
        double bound = LpNorms.pTo2Norm(m, INF);
        assertThat(bound).isGreaterThanOrEqualTo(cube);
        assertThat(bound).isLessThanOrEqualTo(Math.sqrt(columns) * cube);
        for (double p : new double[] {1.2, 1.5, 3, 6}) {
            double b = LpNorms.pTo2Norm(m, p);
            for (int k = 0; k < 2000; k++) {
                double[] x = new double[columns];
                for (int j = 0; j < columns; j++) {
                    x[j] = random.nextGaussian();
                }
                assertThat(ratio(m, x, p)).as("p = %s", p).isLessThanOrEqualTo(b * (1 + 1e-12));
            }
        }
    }

    @Test
    void expectedGaussianNormsHaveTheirExactValues() {
        assertThat(LpNorms.expectedGaussianNorm(10, 1)).isCloseTo(10 * Math.sqrt(2 / Math.PI), within(1e-12));
        assertThat(LpNorms.expectedGaussianNorm(1, 2)).isCloseTo(Math.sqrt(2 / Math.PI), within(1e-12));
        assertThat(LpNorms.expectedGaussianNorm(2, 2)).isCloseTo(Math.sqrt(Math.PI / 2), within(1e-12));
        assertThat(LpNorms.expectedGaussianNorm(1, INF)).isCloseTo(Math.sqrt(2 / Math.PI), within(1e-9));
        assertThat(LpNorms.expectedGaussianNorm(100, 2) / Math.sqrt(100)).isCloseTo(1, within(0.003));
    }

    @Test
    void expectedGaussianNormsAgreeWithSampling() {
        SplittableRandom random = new SplittableRandom(3);
        int d = 50;
        int samples = 40_000;
        for (double q : new double[] {3, INF}) {
            double sum = 0;
            double squares = 0;
            for (int k = 0; k < samples; k++) {
                double[] g = new double[d];
                for (int j = 0; j < d; j++) {
                    g[j] = random.nextGaussian();
                }
                double norm = LpNorms.norm(g, q);
                sum += norm;
                squares += norm * norm;
            }
            double mean = sum / samples;
            double standardError = Math.sqrt((squares / samples - mean * mean) / samples);
            double formula = LpNorms.expectedGaussianNorm(d, q);
            if (Double.isInfinite(q)) {
                assertThat(formula).isCloseTo(mean, within(4 * standardError));
            } else {
                // The moment value is an upper bound by Jensen, and close for d = 50.
                assertThat(formula).isGreaterThan(mean).isLessThan(1.03 * mean);
            }
        }
    }

    private static double ratio(double[][] m, double[] x, double p) {
        double[] y = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < x.length; j++) {
                y[i] += m[i][j] * x[j];
            }
        }
        return LpNorms.norm(y, 2) / LpNorms.norm(x, p);
    }
}
