package org.reconlab.networks.relu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ComponentSpec;
import org.reconlab.core.engine.InvalidSpecException;
import org.reconlab.core.engine.Pipeline;
import org.reconlab.core.engine.PipelineBuilder;
import org.reconlab.core.engine.PipelineSpec;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Shape;
import org.reconlab.networks.NetworksPlugin;

class ReluNetworkProblemTest {

    private static final ComponentRegistry REGISTRY =
            ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new NetworksPlugin()));

    private static double variance(double[][] m) {
        double sum = 0;
        int count = 0;
        for (double[] row : m) {
            for (double v : row) {
                sum += v * v;
                count++;
            }
        }
        return sum / count;
    }

    @Test
    void fanOutScalingGivesVarianceTwoOverTheLayerWidthAndAStandardOutputLayer() {
        ReluNetwork network = ReluNetwork.fromBlocks(new ReluNetworkProblem(300, List.of(200, 100), BiasDistribution.ZERO,
                1, ReluNetworkProblem.Scaling.FAN_OUT).draw(new SplittableRandom(1)).parts());
        // 60000 and 20000 entries: relative standard error of the variance about 0.6% and 1%.
        assertThat(variance(network.weights(1)) * 200 / 2).isCloseTo(1, within(0.03));
        assertThat(variance(network.weights(2)) * 100 / 2).isCloseTo(1, within(0.05));
        assertThat(network.biases(1)).containsOnly(0.0);
    }

    @Test
    void fanInScalingGivesVarianceTwoOverTheFanIn() {
        ReluNetwork network = ReluNetwork.fromBlocks(new ReluNetworkProblem(100, List.of(300, 200), BiasDistribution.ZERO,
                1, ReluNetworkProblem.Scaling.FAN_IN).draw(new SplittableRandom(2)).parts());
        assertThat(variance(network.weights(1)) * 100 / 2).isCloseTo(1, within(0.03));
        assertThat(variance(network.weights(2)) * 300 / 2).isCloseTo(1, within(0.03));
        assertThat(ReluNetworkProblem.Scaling.FAN_IN.gradientEntryScale(100)).isEqualTo(0.1);
    }

    @Test
    void typicalGradientIsStandardGaussianInFanOutScaling() {
        // E ||grad Phi(x)||^2 = d in fan-out scaling: average over networks and inputs.
        int d = 20;
        ReluNetworkProblem problem = new ReluNetworkProblem(d, List.of(200, 200), BiasDistribution.GAUSSIAN, 0.1,
                ReluNetworkProblem.Scaling.FAN_OUT);
        SplittableRandom random = new SplittableRandom(3);
        double sum = 0;
        int count = 0;
        for (int k = 0; k < 40; k++) {
            ReluNetwork network = ReluNetwork.fromBlocks(problem.draw(random).parts());
            for (int j = 0; j < 5; j++) {
                double[] x = ReluNetworkTest.gaussian(d, random);
                double norm = LpNorms.norm(network.gradient(x), 2);
                sum += norm * norm;
                count++;
            }
        }
        assertThat(sum / count / d).isCloseTo(1, within(0.15));
    }

    @Test
    void biasDistributionsHaveTheirSupport() {
        for (BiasDistribution bias : BiasDistribution.values()) {
            ReluNetwork network = ReluNetwork.fromBlocks(new ReluNetworkProblem(3, List.of(500), bias, 0.7,
                    ReluNetworkProblem.Scaling.FAN_OUT).draw(new SplittableRandom(4)).parts());
            double[] b = network.biases(1);
            switch (bias) {
                case ZERO -> assertThat(b).containsOnly(0.0);
                case RADEMACHER -> assertThat(b).containsOnly(0.7, -0.7).contains(0.7, -0.7);
                case UNIFORM -> assertThat(java.util.Arrays.stream(b).map(Math::abs).max().orElseThrow()).isLessThanOrEqualTo(0.7).isGreaterThan(0.65);
                case GAUSSIAN -> assertThat(Math.sqrt(variance(new double[][] {b}))).isCloseTo(0.7, within(0.07));
            }
        }
    }

    @Test
    void drawsAFunctionWithTheLayersAsParts() {
        ReluNetworkProblem problem = new ReluNetworkProblem(4, List.of(3, 2), BiasDistribution.GAUSSIAN, 1,
                ReluNetworkProblem.Scaling.FAN_OUT);
        GroundTruth truth = problem.draw(new SplittableRandom(5));
        assertThat(truth.shape()).isEqualTo(Shape.function(4));
        assertThat(truth.signalIfPresent()).isEmpty();
        assertThat(truth.parts().names()).containsExactly("W1", "b1", "W2", "b2", "W3", "b3");
        assertThat(truth.parts().get("W2").rows()).isEqualTo(2);
        GroundTruth again = problem.draw(new SplittableRandom(5));
        assertThat(again.parts().get("W1").toArray()).isDeepEqualTo(truth.parts().get("W1").toArray());
    }

    @Test
    void widthsComeFromWidthDepthRatioOrAList() {
        assertThat(problem(Map.of("d", 10)).widths()).containsExactly(100);
        assertThat(problem(Map.of("d", 10, "width", 7, "depth", 3)).widths()).containsExactly(7, 7, 7);
        assertThat(problem(Map.of("d", 10, "width-ratio", 2.5)).widths()).containsExactly(25);
        assertThat(problem(Map.of("d", 10, "widths", List.of(4, 5)))).extracting(ReluNetworkProblem::widths)
                .isEqualTo(List.of(4, 5));
        assertThat(rejection(Map.of("d", 10, "widths", List.of(4), "depth", 2)).describe())
                .startsWith("problem.widths: give either widths");
        assertThat(rejection(Map.of("d", 10, "width", 4, "width-ratio", 2.0)).describe())
                .startsWith("problem.width-ratio: give either width or width-ratio");
        assertThat(rejection(Map.of("width", 4)).describe()).startsWith("problem.d: required key 'd' is missing");
        assertThat(rejection(Map.of("d", 3, "bias", "cauchy")).describe()).startsWith("problem.bias")
                .contains("zero, gaussian, uniform, rademacher");
    }

    @Test
    void defaultsArePinned() {
        var config = new ReluNetworkProblem.Factory().parameters().validate(Map.of("d", 3));
        assertThat(config.asMap()).isEqualTo(Map.of("d", 3, "bias", "gaussian", "bias-scale", 1.0, "scaling", "fan-out"));
    }

    private static InvalidSpecException rejection(Map<String, Object> parameters) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> problem(parameters));
        assertThat(thrown).isInstanceOf(InvalidSpecException.class);
        return (InvalidSpecException) thrown;
    }

    private static ReluNetworkProblem problem(Map<String, Object> parameters) {
        Pipeline pipeline = new PipelineBuilder(REGISTRY).build(new PipelineSpec(
                ComponentSpec.of("relu-network", parameters), Optional.empty(), ComponentSpec.of("lipschitz-probe"),
                ComponentSpec.of("lipschitz-ascent"), List.of(), 1));
        return (ReluNetworkProblem) pipeline.problem();
    }
}
