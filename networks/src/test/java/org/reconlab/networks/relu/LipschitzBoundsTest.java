package org.reconlab.networks.relu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LipschitzBoundsTest {

    private static final double[] EXPONENTS = {1, 1.5, 2, 4, Double.POSITIVE_INFINITY};

    @Test
    void oneNeuronIsExact() {
        // Phi(x) = -3 relu(2 x + 1): Lip = 6 in every norm on R.
        ReluNetwork network = ReluNetwork.of(List.of(new double[][] {{2}}, new double[][] {{-3}}),
                List.of(new double[] {1}, new double[] {0}));
        for (double p : EXPONENTS) {
            LipschitzBounds bounds = LipschitzBounds.of(network, p);
            assertThat(bounds.product()).isCloseTo(6, within(1e-12));
            assertThat(bounds.averaged()).isCloseTo(6, within(1e-12));
        }
    }

    @Test
    void absoluteValueShowsTheAveragedBoundBeatingTheProduct() {
        // Phi(x) = relu(x) + relu(-x) = |x|: Lip = 1. Product: ||(1, -1)^T||_{p->2} ||(1, 1)||_2 = 2.
        // Averaged: (|W2 W1| + product) / 2 = (0 + 2) / 2 = 1, exact.
        ReluNetwork network = ReluNetwork.of(List.of(new double[][] {{1}, {-1}}, new double[][] {{1, 1}}),
                List.of(new double[] {0, 0}, new double[] {0}));
        LipschitzBounds bounds = LipschitzBounds.of(network, 2);
        assertThat(bounds.product()).isCloseTo(2, within(1e-12));
        assertThat(bounds.averaged()).isCloseTo(1, within(1e-12));
    }

    @Test
    void twoLayerExpansionByHand() {
        // d = 1, W1 = (1, 2)^T, W2 = [[1, 0], [1, 1]], W3 = (1, -1); p = 2 so every norm is spectral or Euclidean.
        ReluNetwork network = ReluNetwork.of(
                List.of(new double[][] {{1}, {2}}, new double[][] {{1, 0}, {1, 1}}, new double[][] {{1, -1}}),
                List.of(new double[] {0, 0}, new double[] {0, 0}, new double[] {0}));
        double n01 = Math.sqrt(5);
        double n12 = Math.sqrt((3 + Math.sqrt(5)) / 2); // spectral norm of [[1, 0], [1, 1]]
        double n23 = Math.sqrt(2);
        double n02 = Math.hypot(1, 3); // W2 W1 = (1, 3)^T
        double n13 = 1; // W3 W2 = (0, -1)
        double n03 = 2; // W3 W2 W1 = -2
        // J = {}, {1}, {2}, {1, 2}
        double expected = (n03 + n01 * n13 + n02 * n23 + n01 * n12 * n23) / 4;
        LipschitzBounds bounds = LipschitzBounds.of(network, 2);
        assertThat(bounds.product()).isCloseTo(n01 * n12 * n23, within(1e-12));
        assertThat(bounds.averaged()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void bothBoundsDominateTheExactConstantOfPlanarNetworks() {
        for (List<Integer> widths : List.of(List.of(12), List.of(6, 6), List.of(5, 4, 5))) {
            for (long seed = 1; seed <= 3; seed++) {
                ReluNetwork network = ReluNetwork.fromBlocks(new ReluNetworkProblem(2, widths, BiasDistribution.GAUSSIAN,
                        1.0, ReluNetworkProblem.Scaling.FAN_OUT).draw(new SplittableRandom(seed)).parts());
                ActivationRegions2d regions = ActivationRegions2d.enumerate(network);
                for (double p : EXPONENTS) {
                    LipschitzBounds bounds = LipschitzBounds.of(network, p);
                    double exact = regions.lipschitzConstant(p);
                    assertThat(bounds.averaged()).as("%s p=%s", widths, p).isGreaterThanOrEqualTo(exact)
                            .isLessThanOrEqualTo(bounds.product());
                }
            }
        }
    }
}
