package org.reconlab.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.optim.GradientDescent;
import org.reconlab.core.spi.ComponentKind;
import org.reconlab.core.spi.OptimizerFactory;
import org.reconlab.core.spi.Plugin;

class ComponentRegistryTest {

    @Test
    void discoversAPluginDefinedOnlyInTestCodeAndRunsItInAPipeline() {
        ComponentRegistry registry = ComponentRegistry.discover();
        assertThat(registry.moduleVersions()).containsKeys("core", "toy");
        assertThat(registry.entries(ComponentKind.PROBLEM)).containsKey("toy-vector");
        assertThat(registry.find("toy-linear")).get().extracting(ComponentRegistry.Entry::module).isEqualTo("toy");
        ExperimentResult result = new ExperimentRunner(registry)
                .run(ExperimentSpec.single("discovered", 1, 1, ExperimentRunnerTest.toy(0.5, 200)), 1);
        assertThat(result.trial(0).status()).isEqualTo(TrialStatus.DONE);
        assertThat(result.trial(0).finalMetric("relative-error")).isLessThan(1e-8);
    }

    @Test
    void twoFactoriesWithOneNameFailNamingBothModules() {
        Plugin copy = new Plugin() {
            @Override
            public String name() {
                return "copycat";
            }

            @Override
            public List<OptimizerFactory> optimizers() {
                return List.of(new GradientDescent.Factory());
            }
        };
        assertThatThrownBy(() -> ComponentRegistry.fromPlugins(List.of(new CorePlugin(), copy)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gradient-descent").hasMessageContaining("module core").hasMessageContaining("module copycat");
    }

    @Test
    void incompatibleComponentsFailWhenThePipelineIsBuiltNamingBoth() {
        ComponentRegistry registry = ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new org.reconlab.core.toy.ToyPlugin()));
        PipelineSpec noMeasurement = new PipelineSpec(ComponentSpec.of("toy-vector"), Optional.empty(),
                ComponentSpec.of("toy-linear"), ComponentSpec.of("gradient-descent", Map.of("step", 0.1)), List.of(), 1);
        assertThatThrownBy(() -> new PipelineBuilder(registry).build(noMeasurement))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("gradient-descent").hasMessageContaining("toy-vector")
                .extracting(e -> ((InvalidSpecException) e).path()).isEqualTo("optimizer");
    }
}
