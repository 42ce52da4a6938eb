package org.reconlab.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.reconlab.core.CorePlugin;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ComponentSpec;
import org.reconlab.core.engine.ExperimentPlan;
import org.reconlab.core.engine.ExperimentSpec;
import org.reconlab.core.engine.PipelineSpec;
import org.reconlab.core.toy.ToyFactories;
import org.reconlab.core.toy.ToyPlugin;

class StringParameterTest {

    private static final Parameters PARAMETERS = Parameters.of(
            Parameter.string("path", null, "a file"),
            Parameter.string("label", "none", "a label"));

    @Test
    void acceptsNonBlankTextAndRejectsEverythingElseNamingTheKey() {
        Config config = PARAMETERS.validate(Map.of("path", "data/x.npy"));
        assertThat(config.string("path")).isEqualTo("data/x.npy");
        assertThat(config.string("label")).isEqualTo("none");
        assertThat(PARAMETERS.validate(Map.of()).optionalString("path")).isEmpty();
        assertThatThrownBy(() -> PARAMETERS.validate(Map.of("path", 5))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("bad value 5; allowed: a non-empty string");
        assertThatThrownBy(() -> PARAMETERS.validate(Map.of("path", " "))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("a non-empty string");
        assertThatThrownBy(() -> PARAMETERS.validate(Map.of()).string("path")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("required key 'path' is missing");
    }

    /** A plugin whose problem remembers where the build context resolves "data/x.npy". */
    private static Plugin recording(AtomicReference<Path> resolved) {
        return new Plugin() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public List<ProblemFactory> problems() {
                return List.of(ToyFactories.problem("recording-problem", "toy-vector that records a resolved path",
                        PARAMETERS, (config, context) -> {
                    resolved.set(context.resolvePath(config.string("path")));
                    return new Problem() {
                        @Override
                        public Shape signalShape() {
                            return Shape.vector(2);
                        }

                        @Override
                        public GroundTruth draw(java.util.SplittableRandom random) {
                            return GroundTruth.of(Shape.vector(2), new cern.colt.matrix.impl.DenseDoubleMatrix2D(2, 1));
                        }
                    };
                }));
            }
        };
    }

    @Test
    void relativePathsResolveAgainstTheBaseDirectoryAndAbsoluteOnesStay() {
        AtomicReference<Path> resolved = new AtomicReference<>();
        ComponentRegistry registry = ComponentRegistry.fromPlugins(List.of(new CorePlugin(), new ToyPlugin(),
                recording(resolved)));
        PipelineSpec pipeline = new PipelineSpec(ComponentSpec.of("recording-problem", Map.of("path", "data/../x.npy")),
                Optional.of(ComponentSpec.of("toy-gaussian")), ComponentSpec.of("toy-linear"),
                ComponentSpec.of("gradient-descent", Map.of("step", 0.1, "iterations", 1)), List.of(), 1);
        ExperimentSpec spec = ExperimentSpec.single("paths", 1, 1, pipeline);

        ExperimentPlan.build(spec, registry, Path.of("/specs/here"));
        assertThat(resolved.get()).isEqualTo(Path.of("/specs/here/x.npy"));
        ExperimentPlan.build(spec, registry);
        assertThat(resolved.get()).isEqualTo(Path.of("").toAbsolutePath().resolve("x.npy"));
        ExperimentPlan.build(ExperimentSpec.single("paths", 1, 1, pipeline.with("problem.path", "/abs/y.npy")),
                registry, Path.of("/specs/here"));
        assertThat(resolved.get()).isEqualTo(Path.of("/abs/y.npy"));
    }
}
