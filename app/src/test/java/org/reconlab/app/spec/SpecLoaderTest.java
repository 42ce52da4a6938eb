package org.reconlab.app.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ComponentSpec;
import org.reconlab.core.engine.ExperimentSpec;

class SpecLoaderTest {

    private static final ComponentRegistry REGISTRY = ComponentRegistry.discover();

    private static final String TOY = """
            name: toy
            seed: 42
            trials: 2
            problem:     { plugin: toy-vector, n: 5 }
            measurement: { plugin: toy-gaussian, m: 30 }
            model:       { plugin: toy-linear }
            optimizer:   { plugin: gradient-descent, step: 0.5, iterations: 200 }
            metrics:     [relative-error, { plugin: train-loss }]
            record-every: 20
            sweep:
              optimizer.step: [0.2, 0.5]
            quick:
              optimizer.iterations: 40
              trials: 1
            """;

    private static LoadedSpec parse(String text, boolean quick, String... sets) {
        return SpecLoader.parse("spec.yaml", text, quick, List.of(sets));
    }

    /** The error message of building {@code text}'s plan. */
    private static String error(String text, String... sets) {
        return error(text, false, sets);
    }

    private static String error(String text, boolean quick, String... sets) {
        try {
            parse(text, quick, sets).plan(REGISTRY);
        } catch (SpecError e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a SpecError for:\n" + text);
    }

    @Test
    void readsEveryPartOfASpec() {
        ExperimentSpec spec = parse(TOY, false).spec();
        assertThat(spec.name()).isEqualTo("toy");
        assertThat(spec.seed()).isEqualTo(42);
        assertThat(spec.trials()).isEqualTo(2);
        assertThat(spec.pipeline().problem()).isEqualTo(ComponentSpec.of("toy-vector", Map.of("n", 5)));
        assertThat(spec.pipeline().optimizer().parameters()).containsEntry("step", 0.5).containsEntry("iterations", 200);
        assertThat(spec.pipeline().metrics()).extracting(ComponentSpec::plugin).containsExactly("relative-error", "train-loss");
        assertThat(spec.pipeline().recordEvery()).isEqualTo(20);
        assertThat(spec.sweep()).containsEntry("optimizer.step", List.of(0.2, 0.5));
        assertThat(parse(TOY, false).plan(REGISTRY).trials()).hasSize(4);
    }

    @Test
    void quickSectionAndSetsOverrideValues() {
        ExperimentSpec quick = parse(TOY, true).spec();
        assertThat(quick.trials()).isEqualTo(1);
        assertThat(quick.pipeline().optimizer().parameters()).containsEntry("iterations", 40);
        ExperimentSpec set = parse(TOY, true, "problem.n=7", "optimizer.step=1e-1").spec();
        assertThat(set.pipeline().problem().parameters()).containsEntry("n", 7);
        // Setting a swept value fixes it and removes its sweep axis.
        assertThat(set.sweep()).isEmpty();
        assertThat(set.pipeline().optimizer().parameters()).containsEntry("step", 0.1);
        assertThat(parse(TOY, false, "sweep.problem.n=[3, 4]").plan(REGISTRY).trials()).hasSize(8);
    }

    private static final String TOY_WITH_VARIANTS = TOY.replace("sweep:\n  optimizer.step: [0.2, 0.5]\n", "")
            .replace("quick:", """
            variants:
              plain: {}
              whole: { optimizer: { plugin: gradient-descent, step: 0.1, iterations: 500 } }
              dotted: { optimizer.step: 0.3 }
              own: { optimizer: { plugin: gradient-descent, step: 0.2 } }
            quick:""");

    /** The optimizer parameters of each variant's first trial. */
    private static Map<String, Map<String, Object>> optimizerByVariant(LoadedSpec spec) {
        Map<String, Map<String, Object>> byVariant = new java.util.LinkedHashMap<>();
        for (var trial : spec.plan(REGISTRY).trials()) {
            byVariant.putIfAbsent((String) trial.sweepValues().get("variant"),
                    trial.pipeline().spec().optimizer().parameters());
        }
        return byVariant;
    }

    @Test
    void quickSectionAndSetsApplyToEveryVariant() {
        // A variant that replaces the optimizer keeps its own step, but quick's budget applies to it as to the others.
        Map<String, Map<String, Object>> quick = optimizerByVariant(parse(TOY_WITH_VARIANTS, true));
        assertThat(quick.get("plain")).containsEntry("iterations", 40).containsEntry("step", 0.5);
        assertThat(quick.get("whole")).containsEntry("iterations", 40).containsEntry("step", 0.1);
        assertThat(quick.get("dotted")).containsEntry("iterations", 40).containsEntry("step", 0.3);
        assertThat(optimizerByVariant(parse(TOY_WITH_VARIANTS, false)).get("whole")).containsEntry("iterations", 500);
        // A key the replacing variant leaves out keeps its plugin's default: the override was meant for the base's.
        assertThat(quick.get("own")).doesNotContainKey("iterations").containsEntry("step", 0.2);
        // A plugin swap clears the base's parameters, not those of a variant that chose its own optimizer.
        Map<String, Map<String, Object>> swapped = optimizerByVariant(parse(TOY_WITH_VARIANTS, true,
                "optimizer.plugin=gradient-descent", "optimizer.step=0.7"));
        assertThat(swapped.get("plain")).doesNotContainKey("iterations").containsEntry("step", 0.7);
        assertThat(swapped.get("whole")).containsEntry("iterations", 40).containsEntry("step", 0.7);
        // --set fixes a value in every variant, whether the variant replaced the component or set the key alone.
        Map<String, Map<String, Object>> set = optimizerByVariant(parse(TOY_WITH_VARIANTS, true, "optimizer.step=0.05"));
        assertThat(set.values()).allSatisfy(parameters -> assertThat(parameters).containsEntry("step", 0.05));
    }

    @Test
    void oneVariantCanBeOverriddenAlone() {
        Map<String, Map<String, Object>> set = optimizerByVariant(parse(TOY_WITH_VARIANTS, true,
                "variants.whole.optimizer.iterations=7", "variants.plain.optimizer.step=0.2"));
        assertThat(set.get("whole")).containsEntry("iterations", 7).containsEntry("step", 0.1);
        assertThat(set.get("plain")).containsEntry("iterations", 40).containsEntry("step", 0.2);
        assertThat(set.get("dotted")).containsEntry("iterations", 40).containsEntry("step", 0.3);
        assertThat(error(TOY_WITH_VARIANTS, "variants.other.optimizer.step=1"))
                .startsWith("--set variants.other.optimizer.step=1: variants.other.optimizer.step: no variant 'other';"
                        + " variants: plain, whole, dotted, own");
        assertThat(error(TOY_WITH_VARIANTS, "variants.whole.solver.step=1")).contains("cannot override this key");
        assertThat(error(TOY, "variants.whole.optimizer.step=1")).contains("the spec has no variants to override");
    }

    @Test
    void loadsAFileFromDisk() {
        ExperimentSpec spec = SpecLoader.load(Path.of("src/test/resources/specs/toy.yaml"), true, List.of());
        assertThat(spec.name()).isEqualTo("toy");
        assertThat(spec.trials()).isEqualTo(1);
    }

    @Test
    void unknownPluginNamesFileLineKeyAndAllowedNames() {
        assertThat(error(TOY.replace("plugin: toy-linear", "plugin: toy-lenear")))
                .startsWith("spec.yaml:6: model.plugin: unknown model plugin 'toy-lenear'")
                .contains("allowed: ").contains("toy-linear");
    }

    @Test
    void unknownKeyNamesFileLineKeyAndAllowedKeys() {
        assertThat(error(TOY.replace("m: 30", "m: 30, noize: 0.1")))
                .startsWith("spec.yaml:5: measurement.noize: unknown key 'noize'; allowed keys: m, fail");
        assertThat(error(TOY + "recordevery: 3\n"))
                .startsWith("spec.yaml:15: unknown key 'recordevery'; allowed keys: name, description, seed");
    }

    @Test
    void wrongTypeNamesFileLineKeyAndAllowedValues() {
        assertThat(error(TOY.replace("n: 5", "n: five")))
                .startsWith("spec.yaml:4: problem.n: bad value 'five' (a string); allowed: an integer in [1, 10000]");
        assertThat(error(TOY.replace("iterations: 200", "iterations: 2.5")))
                .startsWith("spec.yaml:7: optimizer.iterations: bad value 2.5; allowed: an integer >= 0");
    }

    @Test
    void outOfRangeValueNamesFileLineKeyAndRange() {
        assertThat(error(TOY.replace("m: 30", "m: 0")))
                .startsWith("spec.yaml:5: measurement.m: bad value 0; allowed: an integer in [1, 100000]");
    }

    @Test
    void badSweepValueNamesTheSweepLine() {
        assertThat(error(TOY.replace("[0.2, 0.5]", "[0.2, -1.0]")))
                .startsWith("spec.yaml:11: optimizer.step: bad value -1.0; allowed: a real number > 0")
                .contains("at sweep point {optimizer.step=-1.0}");
    }

    @Test
    void incompatibleComponentsNameBoth() {
        String noMeasurement = TOY.replace("measurement: { plugin: toy-gaussian, m: 30 }\n", "")
                .replace("[relative-error, { plugin: train-loss }]", "[relative-error]");
        assertThat(error(noMeasurement)).startsWith("spec.yaml:6: optimizer: optimizer 'gradient-descent' needs a training"
                + " objective").contains("problem 'toy-vector'");
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThat(error(TOY.replace("model:       { plugin: toy-linear }", "model:       { plugin: toy-linear")))
                .startsWith("spec.yaml:").contains("malformed YAML");
        assertThat(error(TOY + "seed: 3\n")).contains("malformed YAML").contains("duplicate key seed");
    }

    @Test
    void badOverridesNameTheirSource() {
        assertThat(error(TOY, "problem.n=0")).startsWith("--set problem.n=0: problem.n: bad value 0");
        assertThat(error(TOY, "nonsense")).startsWith("--set nonsense: expected key=value");
        assertThat(error(TOY, "solver.step=1")).contains("solver.step: cannot override this key");
        assertThat(error(TOY.replace("iterations: 40", "iterations: -4"), true)).startsWith(
                "spec.yaml:13 (quick section): optimizer.iterations: bad value -4; allowed: an integer >= 0");
    }

    @Test
    void missingRequiredPartsAreNamed() {
        assertThat(error(TOY.replace("name: toy\n", ""))).isEqualTo("spec.yaml: required key 'name' is missing");
        assertThat(error(TOY.replace("model:       { plugin: toy-linear }\n", "")))
                .startsWith("spec.yaml: required key 'model' is missing");
        assertThat(error(TOY.replace("{ plugin: toy-vector, n: 5 }", "{ n: 5 }")))
                .startsWith("spec.yaml:4: problem: needs 'plugin: NAME'");
    }

    @Test
    void integersAreRangeCheckedBeforeNarrowingAndShownAsWritten() {
        assertThat(error(TOY.replace("trials: 2", "trials: 4294967297")))
                .startsWith("spec.yaml:3: trials: must be an integer in [1, 1000000], got 4294967297");
        assertThat(error(TOY.replace("trials: 2", "trials: 2147483648"))).contains("got 2147483648");
        assertThat(error(TOY.replace("record-every: 20", "record-every: 4294967297")))
                .startsWith("spec.yaml:9: record-every: must be an integer in [1, 2147483647], got 4294967297");
        assertThat(error(TOY, "trials=4294967297")).startsWith("--set trials=4294967297: trials:")
                .contains("got 4294967297");
        assertThat(error(TOY.replace("n: 5", "n: 4294967301"))).startsWith("spec.yaml:4: problem.n: bad value 4294967301");
        assertThat(error(TOY.replace("seed: 42", "seed: 99999999999999999999")))
                .startsWith("spec.yaml:2: seed: integer 99999999999999999999 is too large");
    }

    @Test
    void planSizeIsCheckedBeforeExpansion() {
        String huge = TOY.replace("  optimizer.step: [0.2, 0.5]", "  optimizer.step: [" + "0.1, ".repeat(999) + "0.2]\n"
                + "  optimizer.iterations: [" + "10, ".repeat(999) + "20]");
        long start = System.nanoTime();
        assertThat(error(huge)).startsWith("spec.yaml:10: sweep: the sweep has 1000000 points")
                .contains("1000 values of optimizer.step x 1000 values of optimizer.iterations");
        assertThat(error(TOY.replace("trials: 2", "trials: 1000000")))
                .contains("2 sweep points (2 values of optimizer.step) x 1000000 trials = 2000000 trials");
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void sizeAndLineLengthAreCapped() {
        String longLine = TOY.replace("name: toy", "name: toy\ndescription: " + "x".repeat(SpecLoader.MAX_LINE_CHARS));
        assertThat(error(longLine)).startsWith("spec.yaml:2: line of 10013 characters is longer than the limit of 10000");
        String big = TOY + ("# " + "y".repeat(1000) + "\n").repeat(1100);
        assertThat(error(big)).startsWith("spec.yaml: a spec of").contains("larger than the limit of 1048576");
    }

    @Test
    void bytesThatAreNotUtf8AreLocated() {
        byte[] bytes = TOY.replace("name: toy", "name: toy\ndescription: caf\u00e9").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> SpecLoader.decode("spec.yaml", bytes)).isInstanceOf(SpecError.class)
                .hasMessage("spec.yaml:2: byte 0xE9 at column 17 is not UTF-8; save the spec as UTF-8");
    }

    @Test
    void keysThatAreNotNamesAreLocated() {
        assertThat(error(TOY.replace("  n: 5", "  n: 5").replace("model:       { plugin: toy-linear }",
                "model:\n  plugin: toy-linear\n  7: 3"))).startsWith("spec.yaml:8: key '7' under model is not a name");
        assertThat(error(TOY + "[1, 2]: 3\n")).startsWith("spec.yaml:15: key a sequence is not a name");
    }

    @Test
    void errorsInVariantsPointAtTheVariantsOwnLine() {
        String variants = TOY.replace("quick:", """
                variants:
                  plain: {}
                  odd:
                    model:
                      plugin: toy-linear
                      colour: red
                quick:""");
        assertThat(error(variants)).startsWith("spec.yaml:17: variants.odd.model.colour:");
        String setKey = TOY.replace("quick:", """
                variants:
                  small:
                    problem.n: 0
                quick:""");
        assertThat(error(setKey)).startsWith("spec.yaml:14: variants.small.problem.n: bad value 0");
    }
}
