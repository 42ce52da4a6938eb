package org.reconlab.networks.relu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ActivationRegions2dTest {

    private static ReluNetwork network(List<Integer> widths, BiasDistribution bias, long seed) {
        return ReluNetwork.fromBlocks(new ReluNetworkProblem(2, widths, bias, 1.0, ReluNetworkProblem.Scaling.FAN_OUT)
                .draw(new SplittableRandom(seed)).parts());
    }

    @Test
    void linesInGeneralPositionCutThePlaneIntoOnePlusNPlusNChooseTwoRegions() {
        for (int n : new int[] {1, 3, 7, 12}) {
            ActivationRegions2d regions = ActivationRegions2d.enumerate(network(List.of(n), BiasDistribution.GAUSSIAN, n));
            assertThat(regions.count()).as("%d lines", n).isEqualTo(1 + n + n * (n - 1) / 2);
        }
    }

    @Test
    void linesThroughTheOriginCutThePlaneIntoTwoNSectors() {
        ActivationRegions2d regions = ActivationRegions2d.enumerate(network(List.of(9), BiasDistribution.ZERO, 4));
        assertThat(regions.count()).isEqualTo(18);
    }

    @Test
    void regionsPartitionTheBoxAndCarryTheNetworksGradient() {
        for (List<Integer> widths : List.of(List.of(10), List.of(6, 5), List.of(4, 4, 4))) {
            ReluNetwork network = network(widths, BiasDistribution.GAUSSIAN, 11);
            ActivationRegions2d regions = ActivationRegions2d.enumerate(network);
            double radius = regions.radius();
            double total = 0;
            for (ActivationRegions2d.Region region : regions.regions()) {
                double area = 0;
                double cx = 0;
                double cy = 0;
                List<double[]> polygon = region.polygon();
                for (int k = 0; k < polygon.size(); k++) {
                    double[] a = polygon.get(k);
                    double[] b = polygon.get((k + 1) % polygon.size());
                    double cross = a[0] * b[1] - a[1] * b[0];
                    area += cross / 2;
                    cx += (a[0] + b[0]) * cross / 6;
                    cy += (a[1] + b[1]) * cross / 6;
                }
                assertThat(area).isPositive();
                total += area;
                double[] centroid = {cx / area, cy / area};
                assertThat(network.pattern(centroid)).isDeepEqualTo(region.pattern());
                assertThat(network.gradient(centroid)).containsExactly(region.gradient(), within(1e-12));
            }
            assertThat(total).as("widths %s", widths).isCloseTo(4 * radius * radius, within(1e-9 * radius * radius));
        }
    }

    @Test
    void theExactConstantDominatesEveryGradientAndIsAttained() {
        ReluNetwork network = network(List.of(7, 7), BiasDistribution.UNIFORM, 5);
        ActivationRegions2d regions = ActivationRegions2d.enumerate(network);
        SplittableRandom random = new SplittableRandom(6);
        for (double p : new double[] {1, 2, Double.POSITIVE_INFINITY}) {
            double exact = regions.lipschitzConstant(p);
            double q = LipschitzProbe.dual(p);
            double sampled = 0;
            for (int k = 0; k < 20_000; k++) {
                double scale = Math.pow(10, 3 * random.nextDouble() - 1);
                double[] x = {scale * random.nextGaussian(), scale * random.nextGaussian()};
                sampled = Math.max(sampled, LpNorms.norm(network.gradient(x), q));
            }
            assertThat(sampled).isLessThanOrEqualTo(exact * (1 + 1e-12));
            boolean attained = regions.regions().stream()
                    .anyMatch(r -> LpNorms.norm(r.gradient(), q) == exact);
            assertThat(attained).isTrue();
        }
    }

    @Test
    void onlyThePlane() {
        ReluNetwork network = ReluNetwork.fromBlocks(new ReluNetworkProblem(3, List.of(4), BiasDistribution.ZERO, 1,
                ReluNetworkProblem.Scaling.FAN_OUT).draw(new SplittableRandom(1)).parts());
        assertThatThrownBy(() -> ActivationRegions2d.enumerate(network)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("R^3");
    }
}
