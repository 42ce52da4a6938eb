package org.reconlab.networks.relu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReluNetworkTest {

    static ReluNetwork randomNetwork(int d, List<Integer> widths, long seed) {
        ReluNetworkProblem problem = new ReluNetworkProblem(d, widths, BiasDistribution.GAUSSIAN, 0.5,
                ReluNetworkProblem.Scaling.FAN_OUT);
        return ReluNetwork.fromBlocks(problem.draw(new SplittableRandom(seed)).parts());
    }

    static double[] gaussian(int n, SplittableRandom random) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }

    @Test
    void knownSmallNetwork() {
        // Phi(x) = 2 relu(x1 - x2) - relu(x1 + x2 - 1) + 0.5
        ReluNetwork network = ReluNetwork.of(
                List.of(new double[][] {{1, -1}, {1, 1}}, new double[][] {{2, -1}}),
                List.of(new double[] {0, -1}, new double[] {0.5}));
        assertThat(network.value(new double[] {3, 1})).isCloseTo(2 * 2 - 3 + 0.5, within(1e-15));
        assertThat(network.gradient(new double[] {3, 1})).containsExactly(1, -3);
        assertThat(network.value(new double[] {-1, 0})).isCloseTo(0.5, within(1e-15));
        assertThat(network.gradient(new double[] {-1, 0})).containsExactly(0, 0);
        assertThat(network.depth()).isEqualTo(1);
        assertThat(network.width(1)).isEqualTo(2);
        assertThat(network.hiddenNeurons()).isEqualTo(2);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(3);
        ReluNetwork network = randomNetwork(5, List.of(12, 9, 7), 1);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = gaussian(5, random);
            double[] gradient = network.gradient(x);
            for (int j = 0; j < 5; j++) {
                // A linear region has positive width, so a small enough step stays inside it almost surely.
                double h = 1e-7;
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[j] += h;
                minus[j] -= h;
                double numeric = (network.value(plus) - network.value(minus)) / (2 * h);
                assertThat(numeric).isCloseTo(gradient[j], within(1e-6 * (1 + Math.abs(gradient[j]))));
            }
        }
    }

    @Test
    void smoothedGradientTendsToTheReluGradient() {
        ReluNetwork network = randomNetwork(4, List.of(10, 10), 2);
        double[] x = gaussian(4, new SplittableRandom(4));
        double[] exact = network.gradient(x);
        double previous = Double.POSITIVE_INFINITY;
        for (double temperature : new double[] {1e-1, 1e-3, 1e-5, 1e-7}) {
            double[] smoothed = network.smoothed(x, network.sharpness(x, temperature), new double[4]).gradient();
            double error = 0;
            for (int j = 0; j < 4; j++) {
                error = Math.max(error, Math.abs(smoothed[j] - exact[j]));
            }
            assertThat(error).isLessThanOrEqualTo(previous);
            previous = error;
        }
        assertThat(previous).isLessThan(1e-9);
    }

    @Test
    void hessianTimesDirectionMatchesFiniteDifferencesOfTheSmoothedGradient() {
        SplittableRandom random = new SplittableRandom(5);
        ReluNetwork network = randomNetwork(4, List.of(8, 6, 5), 3);
        for (int trial = 0; trial < 5; trial++) {
            double[] x = gaussian(4, random);
            double[] u = gaussian(4, random);
            double[] sharpness = network.sharpness(x, 0.3);
            double[] hu = network.smoothed(x, sharpness, u).hessianTimesDirection();
            for (int j = 0; j < 4; j++) {
                double h = 1e-6;
                double[] plus = x.clone();
                double[] minus = x.clone();
                plus[j] += h;
                minus[j] -= h;
                double numeric = (dot(network.smoothed(plus, sharpness, u).gradient(), u)
                        - dot(network.smoothed(minus, sharpness, u).gradient(), u)) / (2 * h);
                assertThat(hu[j]).isCloseTo(numeric, within(1e-6 * (1 + Math.abs(numeric))));
            }
        }
    }

    @Test
    void affinePreactivationsReproduceTheForwardPassOnTheRegion() {
        ReluNetwork network = randomNetwork(3, List.of(6, 5), 6);
        double[] x = {0.3, -0.7, 1.1};
        List<ReluNetwork.AffineLayer> layers = network.affinePreactivations(x);
        double[] y = {0.3 + 1e-6, -0.7 - 2e-6, 1.1 + 1e-6};
        assertThat(network.pattern(y)).isDeepEqualTo(network.pattern(x));
        // Recompute the forward pass explicitly and compare with the affine formulas at y.
        double[] a = y;
        for (int l = 1; l <= network.depth(); l++) {
            double[][] w = network.weights(l);
            double[] b = network.biases(l);
            double[] z = new double[w.length];
            for (int i = 0; i < w.length; i++) {
                z[i] = b[i];
                for (int j = 0; j < a.length; j++) {
                    z[i] += w[i][j] * a[j];
                }
                ReluNetwork.AffineLayer affine = layers.get(l - 1);
                double predicted = affine.offset()[i];
                for (int j = 0; j < 3; j++) {
                    predicted += affine.slope()[i][j] * y[j];
                }
                assertThat(predicted).isCloseTo(z[i], within(1e-12));
            }
            a = z.clone();
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.max(a[i], 0);
            }
        }
    }

    @Test
    void blocksRoundTrip() {
        ReluNetwork network = randomNetwork(3, List.of(4, 2), 7);
        ReluNetwork copy = ReluNetwork.fromBlocks(network.toBlocks());
        assertThat(network.toBlocks().names()).containsExactly("W1", "b1", "W2", "b2", "W3", "b3");
        double[] x = {0.2, 0.4, -0.1};
        assertThat(copy.value(x)).isEqualTo(network.value(x));
        assertThat(copy.weights(2)).isDeepEqualTo(network.weights(2));
    }

    @Test
    void rejectsBadShapes() {
        ReluNetwork network = randomNetwork(3, List.of(4), 8);
        assertThatThrownBy(() -> network.value(new double[4])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("length 4").hasMessageContaining("R^3");
        assertThatThrownBy(() -> ReluNetwork.of(List.of(new double[][] {{1, 2}}, new double[][] {{1, 2}}),
                List.of(new double[] {0}, new double[] {0}))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("layer 2 row 0 has 2 columns");
        assertThatThrownBy(() -> ReluNetwork.of(List.of(new double[][] {{1}}, new double[][] {{1}, {1}}),
                List.of(new double[] {0}, new double[] {0, 0}))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("output layer must have one row");
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
