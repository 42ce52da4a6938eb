package org.reconlab.networks.diagonal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.contract.FiniteDifferences;
import org.reconlab.core.spi.Blocks;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Observations;

class DiagonalNetworkModelTest {

    @Test
    void startsAtZeroWithEqualFactors() {
        DiagonalNetworkModel model = new DiagonalNetworkModel(6, 3, 0.2);
        Blocks start = model.initialize(Optional.empty(), new SplittableRandom(1));
        assertThat(start.names()).containsExactly("u", "v");
        assertThat(start.get("u").viewColumn(0).toArray()).containsOnly(0.2);
        assertThat(model.signal(start).viewColumn(0).toArray()).containsOnly(0.0);
    }

    @Test
    void signalIsTheDifferenceOfPowers() {
        DiagonalNetworkModel model = new DiagonalNetworkModel(2, 3, 1);
        Blocks parameters = model.initialize(Optional.empty(), new SplittableRandom(1));
        parameters.get("u").setQuick(0, 0, 2);
        parameters.get("v").setQuick(1, 0, 0.5);
        assertThat(model.signal(parameters).viewColumn(0).toArray()).containsExactly(8 - 1, 1 - 0.125);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        SplittableRandom random = new SplittableRandom(2);
        GroundTruth truth = new SparseVectorProblem(9, 2, false).draw(random);
        Observations observed = new GaussianDesignMeasurement(9, 5, 0.1).observe(truth, random);
        for (int depth = 1; depth <= 4; depth++) {
            DiagonalNetworkModel model = new DiagonalNetworkModel(9, depth, 0.7);
            Blocks at = model.initialize(Optional.empty(), random);
            for (int i = 0; i < 9; i++) {
                at.get("u").setQuick(i, 0, 0.5 + random.nextDouble());
                at.get("v").setQuick(i, 0, 0.5 + random.nextDouble());
            }
            assertThat(FiniteDifferences.relativeGradientError(model.objective(observed), at, 1e-6)).as("D = %d", depth)
                    .isLessThan(1e-7);
        }
    }

    @Test
    void productScaleIsAlphaToTheDepth() {
        var registry = org.reconlab.core.engine.ComponentRegistry.fromPlugins(java.util.List.of(
                new org.reconlab.core.CorePlugin(), new org.reconlab.networks.NetworksPlugin()));
        var pipeline = new org.reconlab.core.engine.PipelineBuilder(registry).build(new org.reconlab.core.engine.PipelineSpec(
                org.reconlab.core.engine.ComponentSpec.of("sparse-vector", java.util.Map.of("d", 4, "sparsity", 1)),
                Optional.of(org.reconlab.core.engine.ComponentSpec.of("gaussian-design", java.util.Map.of("n", 2))),
                org.reconlab.core.engine.ComponentSpec.of("diagonal-network",
                        java.util.Map.of("depth", 3, "product-scale", 1e-6)),
                org.reconlab.core.engine.ComponentSpec.of("gradient-flow", java.util.Map.of("time", 1.0)),
                java.util.List.of(), 1));
        Blocks start = pipeline.model().initialize(Optional.empty(), new SplittableRandom(1));
        assertThat(start.get("v").getQuick(0, 0)).isCloseTo(1e-2, within(1e-15));
    }
}
