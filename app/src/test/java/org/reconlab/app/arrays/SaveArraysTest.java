package org.reconlab.app.arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconlab.app.Cli;
import org.reconlab.app.cluster.Shard;
import org.reconlab.app.run.RunService;
import org.reconlab.app.spec.LoadedSpec;
import org.reconlab.app.spec.SpecLoader;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.TrialListener;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;
import org.reconlab.core.linalg.MatrixOps;

/**
 * {@code run --save-arrays} on the sensing example in quick mode (3 trials, d = 20, a dense Gaussian operator, a
 * little noise): the files are there, agree with the recorded metrics in Java and in NumPy, and a run whose problem
 * reads the saved truth back replays the saved numbers exactly.
 */
class SaveArraysTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "sensing", "small-init-psd.yaml");
    private static final List<String> NOISY = List.of("measurement.noise=0.01");

    @TempDir
    static Path temp;

    private static Path run;
    private static List<TrialResult> saved;

    @BeforeAll
    static void runWithArrays() throws IOException {
        run = temp.resolve("run");
        saved = service().run(SpecLoader.read(EXAMPLE, true, NOISY), run, 2, TrialListener.NONE, Shard.ALL, true)
                .trials();
        assertThat(saved).hasSize(3).allMatch(t -> t.status() == TrialStatus.DONE);
    }

    private static RunService service() {
        return com.google.inject.Guice.createInjector(new org.reconlab.app.wiring.PluginModule(
                org.reconlab.app.plugin.PluginLoader.builtIn())).getInstance(RunService.class);
    }

    private static Path trial(int index) {
        return run.resolve("arrays").resolve("trial-" + index);
    }

    @Test
    void writesEveryArrayOfEveryTrialAndTheyAgreeWithTheRecordedMetrics() throws IOException {
        for (TrialResult trial : saved) {
            try (var files = Files.list(trial(trial.index()))) {
                assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
                        "estimate.npy", "final-U.npy", "initial-U.npy", "noise.npy", "observations.npy",
                        "operator.npy", "truth-factor.npy", "truth.npy");
            }
            NpyArray truth = NpyFormat.read(trial(trial.index()).resolve("truth.npy"));
            NpyArray estimate = NpyFormat.read(trial(trial.index()).resolve("estimate.npy"));
            assertThat(truth.shape()).containsExactly(20, 20);
            assertThat(NpyFormat.read(trial(trial.index()).resolve("operator.npy")).shape()).containsExactly(200, 400);
            assertThat(NpyFormat.read(trial(trial.index()).resolve("noise.npy")).shape()).containsExactly(200);
            assertThat(MatrixOps.relativeError(estimate.toTruth(org.reconlab.core.spi.Shape.Kind.MATRIX).signal(),
                    truth.toTruth(org.reconlab.core.spi.Shape.Kind.MATRIX).signal()))
                    .isEqualTo(trial.finalMetric("relative-error"));
        }
    }

    @Test
    void aRunOnTheSavedTruthReplaysTheSavedNumbers() throws IOException {
        // The spec sits two folders below the temp dir and names the truth relative to itself, not to the working
        // directory. Every trial of the quick sweep is repetition 0, so all three drew this truth.
        Path specs = Files.createDirectories(temp.resolve("specs").resolve("deep"));
        Path spec = Files.copy(EXAMPLE, specs.resolve("replay.yaml"));
        List<String> sets = new ArrayList<>(NOISY);
        sets.add("problem.plugin=npy-signal");
        sets.add("problem.path=../../run/arrays/trial-0/truth.npy");
        LoadedSpec replay = SpecLoader.read(spec, true, sets);
        List<TrialResult> replayed = service().run(replay, temp.resolve("replay"), 2, TrialListener.NONE).trials();
        assertThat(replayed).hasSize(saved.size());
        for (int i = 0; i < saved.size(); i++) {
            assertThat(replayed.get(i).sweepValues()).isEqualTo(saved.get(i).sweepValues());
            assertThat(replayed.get(i).finalMetrics()).isEqualTo(saved.get(i).finalMetrics());
            assertThat(replayed.get(i).series()).isEqualTo(saved.get(i).series());
        }
    }

    @Test
    void aMissingOrUnreadableFileIsASpecErrorNamingTheKeyAndTheFile() {
        Cli.Result missing = Cli.run("validate", EXAMPLE.toString(), "--quick", "--set", "problem.plugin=npy-signal",
                "--set", "problem.path=no-such.npy");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("problem.path").contains("no-such.npy: no such .npy file");
        Cli.Result notSymmetric = Cli.run("validate", EXAMPLE.toString(), "--quick", "--set",
                "problem.plugin=npy-signal", "--set", "problem.path=" + trial(0).resolve("operator.npy"), "--set",
                "problem.shape=symmetric");
        assertThat(notSymmetric.code()).isEqualTo(2);
        assertThat(notSymmetric.err()).contains("problem.shape").contains("not symmetric");
    }

    /** NumPy reads what was written, and the numbers hold together: y = A x* + noise, the error in trials.csv. */
    @Test
    void numpyLoadsTheArraysAndConfirmsTheRecordedNumbers() throws Exception {
        assumeTrue(pythonWithNumpy(), "python3 with numpy is not installed; the NumPy round trip is not checked");
        String script = String.join("\n",
                "import csv, sys, numpy as np",
                "run = sys.argv[1]",
                "rows = list(csv.DictReader(open(run + '/trials.csv')))",
                "assert len(rows) == 3, rows",
                "for row in rows:",
                "    d = run + '/arrays/trial-' + row['trial'] + '/'",
                "    x = np.load(d + 'truth.npy'); A = np.load(d + 'operator.npy')",
                "    y = np.load(d + 'observations.npy'); e = np.load(d + 'noise.npy')",
                "    assert x.dtype == np.float64 and x.shape == (20, 20) and A.shape == (200, 400), (x.shape, A.shape)",
                "    assert np.allclose(A @ x.ravel() + e, y, rtol=1e-12, atol=1e-12)",
                "    assert np.linalg.norm(e) > 0",
                "    f = np.load(d + 'truth-factor.npy'); assert np.allclose(f @ f.T, x, atol=1e-14)",
                "    u = np.load(d + 'final-U.npy'); est = np.load(d + 'estimate.npy')",
                "    assert np.allclose(u @ u.T, est, atol=1e-14)",
                "    u0 = np.load(d + 'initial-U.npy')",
                "    assert np.allclose(u0, float(row['model.scale']) * np.eye(20), atol=0), 'identity init'",
                "    err = np.linalg.norm(est - x) / np.linalg.norm(x)",
                "    assert abs(err - float(row['relative-error'])) <= 1e-12 * err, (err, row['relative-error'])",
                "try:",
                "    import pandas as pd",
                "    trials = pd.read_csv(run + '/trials.csv'); series = pd.read_csv(run + '/series.csv')",
                "    assert trials['trial'].dtype.kind == 'i' and series['value'].dtype.kind == 'f'",
                "    print('checked with pandas too')",
                "except ImportError:",
                "    print('pandas is not installed: checked the CSV files with the csv module only')",
                "print('ok')", "");
        Path file = temp.resolve("check.py");
        Files.writeString(file, script);
        Process process = new ProcessBuilder("python3", file.toString(), run.toString()).redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("python3 finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("ok");
    }

    private static boolean pythonWithNumpy() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
