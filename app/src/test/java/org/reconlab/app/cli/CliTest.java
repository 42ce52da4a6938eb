package org.reconlab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconlab.app.Cli;
import org.reconlab.app.output.RunDirectory;

class CliTest {

    private static final Path TOY = Path.of("src/test/resources/specs/toy.yaml");

    @TempDir
    Path temp;


    private Path spec(String name, String text) throws IOException {
        Path file = temp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void listShowsEveryDiscoveredComponentWithItsModule() {
        Cli.Result text = Cli.run("list");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("problems:").contains("toy-vector").contains("gradient-descent");
        Cli.Result json = Cli.run("list", "--json");
        assertThat(json.code()).isZero();
        assertThat(json.out()).contains("\"name\" : \"toy-gaussian\"").contains("\"module\" : \"toy\"")
                .contains("\"allowed\" : \"an integer in [1, 100000]\"");
    }

    @Test
    void describeShowsParametersAndRejectsUnknownNames() {
        Cli.Result describe = Cli.run("describe", "gradient-descent");
        assertThat(describe.code()).isZero();
        assertThat(describe.out()).contains("optimizer of module core").contains("step").contains("iterations")
                .contains("default 1000");
        Cli.Result unknown = Cli.run("describe", "gradient-decent");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no component named 'gradient-decent'").contains("gradient-descent");
    }

    @Test
    void validateBuildsEveryPipelineAndRunsNothing() {
        Cli.Result result = Cli.run("validate", TOY.toString());
        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("valid; 2 pipelines, 4 trials");
    }

    @Test
    void runWritesManifestTablesAndTrialFiles() throws IOException {
        Path out = temp.resolve("run");
        Cli.Result result = Cli.run("run", TOY.toString(), "--quick", "--out", out.toString(), "--threads", "2");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("2 trials (0 resumed): 2 done, 0 diverged, 0 failed");
        List<String> trials = Files.readAllLines(out.resolve("trials.csv"));
        assertThat(trials.get(0)).isEqualTo("trial,repetition,optimizer.step,seed,status,iterations,wall_seconds,"
                + "relative-error,train-loss,test-error,message");
        assertThat(trials).hasSize(3);
        assertThat(trials.get(1)).startsWith("0,0,0.2,").contains(",done,40,");
        List<String> series = Files.readAllLines(out.resolve("series.csv"));
        assertThat(series.get(0)).isEqualTo("trial,iteration,metric,value");
        // 2 trials x iterations 0, 20, 40 x 3 metrics
        assertThat(series).hasSize(1 + 2 * 3 * 3);
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertThat(manifest).contains("\"fingerprint\"").contains("\"seed\" : 42").contains("\"quick\" : true")
                .contains("\"ended\" : \"").contains("\"done\" : 2").contains("\"java-version\"");
        try (Stream<Path> files = Files.list(out.resolve("trials"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("trial-000000.json", "trial-000001.json");
        }
    }

    @Test
    void runningAgainResumesKeepingDoneTrialsAndRunningMissingOnes() throws IOException {
        Path out = temp.resolve("run");
        assertThat(Cli.run("run", TOY.toString(), "--out", out.toString()).code()).isZero();
        String trialsBefore = Files.readString(out.resolve("trials.csv"));
        String seriesBefore = Files.readString(out.resolve("series.csv"));
        Files.delete(out.resolve("trials/trial-000002.json"));
        Files.delete(out.resolve("trials.csv"));
        Cli.Result again = Cli.run("run", TOY.toString(), "--out", out.toString(), "--threads", "1");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("4 trials (3 resumed)");
        assertThat(Files.readString(out.resolve("series.csv"))).isEqualTo(seriesBefore);
        assertThat(stripWallTime(Files.readString(out.resolve("trials.csv")))).isEqualTo(stripWallTime(trialsBefore));
    }

    private static String stripWallTime(String csv) {
        return csv.replaceAll(",done,200,[^,]+,", ",done,200,T,");
    }

    @Test
    void aRunIntoADirectoryOfAnotherSpecIsRefused() {
        Path out = temp.resolve("run");
        assertThat(Cli.run("run", TOY.toString(), "--quick", "--out", out.toString()).code()).isZero();
        Cli.Result other = Cli.run("run", TOY.toString(), "--out", out.toString());
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("holds a run of a different spec");
    }

    @Test
    @SuppressWarnings("try") // the lock is held for the second run, never read
    void aSecondRunIntoABusyDirectoryRefuses() throws IOException {
        Path out = temp.resolve("busy");
        try (RunDirectory held = RunDirectory.open(out)) {
            Cli.Result second = Cli.run("run", TOY.toString(), "--quick", "--out", out.toString());
            assertThat(second.code()).isEqualTo(2);
            assertThat(second.err()).contains("another reconlab run is writing into " + out);
        }
        assertThat(out.resolve("trials.csv")).doesNotExist();
    }

    @Test
    void anUnwritableDirectoryFailsWithItsPath() throws IOException {
        Path blocker = temp.resolve("file");
        Files.writeString(blocker, "not a directory");
        Path out = blocker.resolve("run");
        Cli.Result result = Cli.run("run", TOY.toString(), "--quick", "--out", out.toString());
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).contains(out.toString());
    }

    @Test
    void badSpecsExitWithCodeTwoAndWriteNothing() throws IOException {
        String good = Files.readString(TOY);
        List<String> bad = List.of(
                good.replace("plugin: toy-linear", "plugin: no-such-model"),
                good.replace("m: 30", "m: 30, mm: 3"),
                good.replace("n: 5", "n: [5]"),
                good.replace("m: 30", "m: -30"),
                good.replace("measurement: { plugin: toy-gaussian, m: 30 }\n", "")
                        .replace("[relative-error, train-loss, test-error]", "[relative-error]"),
                good.replace("{ plugin: toy-vector, n: 5 }", "{ plugin: toy-vector, n: 5"));
        List<String> expected = List.of("unknown model plugin 'no-such-model'", "unknown key 'mm'", "bad value [5] (a list)",
                "bad value -30", "needs a training objective", "malformed YAML");
        for (int i = 0; i < bad.size(); i++) {
            Path spec = spec("bad-" + i + ".yaml", bad.get(i));
            Path out = temp.resolve("out-" + i);
            Cli.Result result = Cli.run("run", spec.toString(), "--out", out.toString());
            assertThat(result.code()).as(bad.get(i)).isEqualTo(2);
            assertThat(result.err()).as(bad.get(i)).startsWith("error: " + spec + ":").contains(expected.get(i));
            assertThat(result.err().lines().count()).isEqualTo(1);
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void badArgumentsExitWithCodeTwo() {
        assertThat(Cli.run("run").code()).isEqualTo(2);
        assertThat(Cli.run("run", TOY.toString(), "--threads", "many").code()).isEqualTo(2);
        assertThat(Cli.run("frobnicate").code()).isEqualTo(2);
        Cli.Result missing = Cli.run("run", temp.resolve("missing.yaml").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no such spec file");
    }
}
