package org.reconlab.app.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ExperimentPlan;
import org.reconlab.core.engine.ExperimentRunner;
import org.reconlab.core.engine.TrialListener;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;
import org.reconlab.core.spi.Parameter;
import org.reconlab.core.spi.ParameterType;

/**
 * What {@code validate} accepts runs: every constraint the parameters decide is checked when the pipeline is built.
 * The test walks every example, full scale and quick, and then every integer parameter each of its components
 * declares, at 2 (or the smallest value the parameter documents, if larger): each variation is either refused
 * when the plan is built (a SpecError naming the key, exit 2) or runs two iterations of every pipeline without a
 * trial failing. A trial that fails there is a constraint the factory should have checked.
 */
class BuildTimeChecksTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.discover();
    private static final List<String> COMPONENTS = List.of("problem", "measurement", "model", "optimizer");

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("..", "examples"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void everyExampleValidatesAtFullScaleAndQuick() throws IOException {
        List<Path> examples = examples();
        assertThat(examples).hasSizeGreaterThan(10);
        for (Path example : examples) {
            for (boolean quick : new boolean[] {false, true}) {
                LoadedSpec spec = SpecLoader.read(example, quick, List.of());
                assertThat(spec.plan(REGISTRY).trials()).as("%s (quick %s)", example, quick).isNotEmpty();
            }
        }
    }

    @Test
    void everyIntegerParameterAtItsSmallestValuesIsRefusedAtBuildTimeOrRuns() throws IOException {
        List<String> failures = new ArrayList<>();
        int refused = 0;
        int ran = 0;
        for (Path example : examples()) {
            LoadedSpec quick = SpecLoader.read(example, true, List.of());
            String optimizer = String.valueOf(((Map<?, ?>) quick.resolved().get("optimizer")).get("plugin"));
            boolean iterative = REGISTRY.find(optimizer).orElseThrow().factory().parameters().declares("iterations");
            for (String component : COMPONENTS) {
                if (!(quick.resolved().get(component) instanceof Map<?, ?> section)) {
                    continue;
                }
                String plugin = String.valueOf(section.get("plugin"));
                for (Parameter parameter : REGISTRY.find(plugin).orElseThrow().factory().parameters().list()) {
                    if (parameter.type() != ParameterType.INTEGER || parameter.name().equals("iterations")
                            || parameter.name().equals("seed")) {
                        continue;
                    }
                    // 2, the smallest size that is not degenerate, where the parameter allows it; else its minimum.
                    long value = parameter.minimum() <= 2 && parameter.maximum() >= 2 ? 2 : (long) parameter.minimum();
                    {
                        String key = component + "." + parameter.name();
                        List<String> sets = new ArrayList<>(List.of("trials=1", key + "=" + value, "record-every=1"));
                        if (iterative) {
                            sets.add("optimizer.iterations=2");
                        }
                        LoadedSpec varied;
                        ExperimentPlan plan;
                        try {
                            varied = SpecLoader.read(example, true, sets);
                            plan = varied.plan(REGISTRY);
                        } catch (SpecError e) {
                            refused++;
                            continue;
                        }
                        ran++;
                        for (TrialResult trial : new ExperimentRunner(REGISTRY).run(plan, 2, Set.of(),
                                TrialListener.NONE).trials()) {
                            if (trial.status() == TrialStatus.FAILED) {
                                failures.add(example.getFileName() + " --set " + key + "=" + value + ": "
                                        + trial.message());
                            }
                        }
                    }
                }
            }
        }
        assertThat(refused + ran).isGreaterThan(50);
        assertThat(failures).as("variations validate accepted and a trial then failed (%d refused, %d ran)", refused,
                ran).isEmpty();
    }

    @Test
    void leastSquaresSizesAreCheckedWhenThePipelineIsBuilt() {
        Path als = Path.of("..", "examples", "sensing", "als-rank-one.yaml");
        assertThat(catchSpecError(als, "measurement.oversampling=0.5")).contains("optimizer 'als'").contains("m >= ");
        assertThat(catchSpecError(als, "model.width=16", "sweep.problem.rows=[16]")).contains("optimizer 'als'");

        Path bias = Path.of("..", "examples", "networks", "reparametrized-lp-bias.yaml");
        assertThat(catchSpecError(bias, "problem.d=2")).contains("regularizer-gap").contains("d = 2");
    }

    private static String catchSpecError(Path spec, String... sets) {
        try {
            SpecLoader.read(spec, true, List.of(sets)).plan(REGISTRY);
        } catch (SpecError e) {
            return e.getMessage();
        }
        throw new AssertionError(spec + " with " + List.of(sets) + " was accepted");
    }
}
