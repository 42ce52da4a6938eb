package org.reconlab.app.arrays;

import static org.assertj.core.api.Assertions.assertThat;

import cern.colt.matrix.DoubleMatrix2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.reconlab.app.spec.SpecLoader;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ExperimentPlan;
import org.reconlab.core.engine.ExperimentRunner;
import org.reconlab.core.engine.TrialListener;
import org.reconlab.core.engine.TrialStatus;
import org.reconlab.core.spi.ComponentKind;
import org.reconlab.core.spi.Shape;
import org.reconlab.sketching.tensor.TProduct;
import org.reconlab.sketching.tensor.Tensor3;

/**
 * Every measurement the product registers, run once with its arrays saved: the clean observations
 * ({@code observations - noise}) are rebuilt from the saved truth and the saved operator ({@code operator.npy}) or
 * the dense matrices an implicit operator is built from ({@code operator-PART.npy}), by the formulas that
 * {@link TrialArraysWriter} documents; a measurement with nothing to export is listed in {@link #IMPLICIT} with its
 * rebuild. A new measurement fails {@link #everyRegisteredMeasurementIsCovered} until it is added here.
 */
class SaveArraysOfEveryMeasurementTest {

    /** Measurement, the example that uses it (module/name) and overrides that keep its first trial small. */
    private static final Map<String, List<String>> CASES = new LinkedHashMap<>();

    static {
        CASES.put("gaussian", List.of("sensing/small-init-psd", "optimizer.iterations=1"));
        CASES.put("symmetric-gaussian", List.of("sensing/small-init-psd", "optimizer.iterations=1",
                "measurement.plugin=symmetric-gaussian", "measurement.m=100"));
        CASES.put("rank-one-projection", List.of("sensing/quadratic-network", "optimizer.iterations=1"));
        CASES.put("gaussian-design", List.of("networks/diagonal-networks-l1-gap"));
        CASES.put("sample-mean", List.of("networks/gan-width"));
        CASES.put("sketch", List.of("sketching/double-sketch-baselines"));
        CASES.put("tensor-sketch", List.of("sketching/tensor-sketch-depth", "problem.n3=4"));
        CASES.put("lifted-convolution", List.of("deconvolution/phase-transition"));
    }

    /** Measurements whose operator holds nothing dense and nothing random, with how to rebuild it. */
    private static final Set<String> IMPLICIT = Set.of("sample-mean");

    @TempDir
    static Path temp;

    @Test
    void everyRegisteredMeasurementIsCovered() {
        // Test plugins (a toy measurement of core's test jar) are on the test class path but not in the product.
        Set<String> registered = ComponentRegistry.discover().entries(ComponentKind.MEASUREMENT).values().stream()
                .filter(entry -> !fromTestCode(entry.factory().getClass()))
                .map(entry -> entry.factory().name()).collect(Collectors.toSet());
        assertThat(CASES.keySet()).containsExactlyInAnyOrderElementsOf(registered);
    }

    private static boolean fromTestCode(Class<?> type) {
        String location = type.getProtectionDomain().getCodeSource().getLocation().toString();
        return location.contains("test-classes") || location.endsWith("-tests.jar");
    }

    static List<String> measurements() {
        return List.copyOf(CASES.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("measurements")
    void theSavedArraysRebuildTheObservations(String measurement) throws IOException {
        List<String> testCase = CASES.get(measurement);
        Path spec = Path.of("..", "examples", testCase.get(0) + ".yaml");
        ComponentRegistry registry = ComponentRegistry.discover();
        ExperimentPlan plan = ExperimentPlan.build(
                SpecLoader.read(spec, true, testCase.subList(1, testCase.size())).spec(), registry);
        assertThat(plan.trials().get(0).pipeline().measurement()).isPresent();
        Path root = temp.resolve(measurement);
        Set<Integer> others = IntStream.range(1, plan.trials().size()).boxed().collect(Collectors.toSet());
        var result = new ExperimentRunner(registry).run(plan, 1, others, TrialListener.NONE, new TrialArraysWriter(root));
        assertThat(result.trials()).hasSize(1);
        assertThat(result.trials().get(0).status()).isNotEqualTo(TrialStatus.FAILED);

        Path trial = TrialArraysWriter.trialDirectory(root, 0);
        double[] observations = NpyFormat.read(trial.resolve("observations.npy")).toArray();
        double[] noise = NpyFormat.read(trial.resolve("noise.npy")).toArray();
        double[] clean = new double[observations.length];
        for (int i = 0; i < clean.length; i++) {
            clean[i] = observations[i] - noise[i];
        }
        double[] rebuilt = rebuild(measurement, trial);
        assertThat(rebuilt).hasSize(clean.length);
        double scale = 0;
        double difference = 0;
        for (int i = 0; i < clean.length; i++) {
            scale = Math.max(scale, Math.abs(clean[i]));
            difference = Math.max(difference, Math.abs(clean[i] - rebuilt[i]));
        }
        assertThat(scale).isGreaterThan(0);
        assertThat(difference).as("largest difference of the rebuilt observations").isLessThan(1e-10 * scale);
        boolean exported = Files.exists(trial.resolve("operator.npy"));
        try (var files = Files.list(trial)) {
            exported |= files.anyMatch(f -> f.getFileName().toString().startsWith("operator-"));
        }
        assertThat(exported).as(measurement + " exports its operator or the parts of it").isNotEqualTo(
                IMPLICIT.contains(measurement));
    }

    private static double[] rebuild(String measurement, Path trial) throws IOException {
        NpyArray truthArray = NpyFormat.read(trial.resolve("truth.npy"));
        if (Files.exists(trial.resolve("operator.npy"))) {
            DoubleMatrix2D operator = NpyFormat.read(trial.resolve("operator.npy")).toSignal(Shape.Kind.MATRIX);
            double[] x = truthArray.toArray();
            return operator.zMult(new cern.colt.matrix.impl.DenseDoubleMatrix1D(x), null).toArray();
        }
        return switch (measurement) {
            case "sketch" -> {
                DoubleMatrix2D x = truthArray.toSignal(Shape.Kind.MATRIX);
                DoubleMatrix2D omega = part(trial, "Omega");
                DoubleMatrix2D psi = part(trial, "Psi");
                yield concat(x.zMult(omega, null), psi.zMult(x, null));
            }
            case "tensor-sketch" -> {
                int[] s = truthArray.shape();
                Tensor3 x = new Tensor3(s[0], s[1], s[2], truthArray.toSignal(Shape.Kind.TENSOR));
                DoubleMatrix2D omega = part(trial, "Omega");
                DoubleMatrix2D psi = part(trial, "Psi");
                Tensor3 omegaTensor = new Tensor3(s[1], omega.columns() / s[2], s[2], omega);
                Tensor3 psiTensor = new Tensor3(psi.rows(), s[0], s[2], psi);
                yield concat(TProduct.multiply(x, omegaTensor).unfolding(), TProduct.multiply(psiTensor, x).unfolding());
            }
            case "rank-one-projection" -> {
                DoubleMatrix2D x = truthArray.toSignal(Shape.Kind.MATRIX);
                DoubleMatrix2D a = part(trial, "a");
                double[] y = new double[a.rows()];
                for (int i = 0; i < a.rows(); i++) {
                    var ai = a.viewRow(i);
                    y[i] = x.zMult(ai, null).zDotProduct(ai) / Math.sqrt(a.rows());
                }
                yield y;
            }
            case "sample-mean" -> {
                DoubleMatrix2D x = truthArray.toSignal(Shape.Kind.MATRIX);
                double[] y = new double[x.rows()];
                for (int i = 0; i < x.rows(); i++) {
                    y[i] = x.viewRow(i).zSum() / x.columns();
                }
                yield y;
            }
            default -> throw new AssertionError("no rebuild for measurement '" + measurement + "'");
        };
    }

    private static DoubleMatrix2D part(Path trial, String name) throws IOException {
        return NpyFormat.read(trial.resolve("operator-" + name + ".npy")).toSignal(Shape.Kind.MATRIX);
    }

    private static double[] concat(DoubleMatrix2D first, DoubleMatrix2D second) {
        double[] out = new double[first.size() + second.size()];
        int offset = 0;
        for (DoubleMatrix2D part : List.of(first, second)) {
            for (int i = 0; i < part.rows(); i++) {
                for (int j = 0; j < part.columns(); j++) {
                    out[offset++] = part.getQuick(i, j);
                }
            }
        }
        return out;
    }
}
