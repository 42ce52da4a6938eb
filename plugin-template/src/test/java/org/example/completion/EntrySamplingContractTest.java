package org.example.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reconlab.core.contract.AbstractMeasurementContractTest;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.spi.GroundTruth;
import org.reconlab.core.spi.Measurement;
import org.reconlab.core.spi.Shape;

/** The measurement contract (adjoint identity, linearity, shape errors, determinism), plus discovery. */
class EntrySamplingContractTest extends AbstractMeasurementContractTest {

    @Override
    protected Measurement measurement() {
        return new EntrySampling(Shape.matrix(7, 5), 20, 0.0);
    }

    @Override
    protected GroundTruth truth(SplittableRandom random) {
        return new OrthogonalLowRank(7, 5, 2).draw(random);
    }

    @Test
    void theRegistryFindsThePluginThroughServiceLoader() {
        ComponentRegistry registry = ComponentRegistry.discover();
        assertThat(registry.find("entry-sampling")).hasValueSatisfying(e -> assertThat(e.module()).isEqualTo("completion"));
        assertThat(registry.find("orthogonal-low-rank")).isPresent();
    }
}
