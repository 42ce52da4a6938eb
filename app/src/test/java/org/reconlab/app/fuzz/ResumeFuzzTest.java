package org.reconlab.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reconlab.app.Cli;

/**
 * Resume from a run directory damaged in every way a kill, a full disk or a hand edit can damage it: each damaged or
 * foreign trial file is named in a warning, set aside as {@code *.corrupt} and run again, so the finished tables
 * equal those of an undamaged run (wall times aside); a damaged manifest is named and set aside; leftover temporary
 * files are removed; a directory without manifest keeps only the trials that match the spec.
 */
class ResumeFuzzTest {

    private static Path temp;
    private static Path spec;
    private static Path reference;

    @BeforeAll
    static void runOnce() throws IOException {
        temp = Files.createTempDirectory("reconlab-resume-fuzz");
        // Few metrics and no variants: a run draws few plots, which take most of a small run's time.
        String withoutVariants = InputFuzzTest.BASE.substring(0, InputFuzzTest.BASE.indexOf("variants:"));
        spec = Files.writeString(temp.resolve("spec.yaml"), withoutVariants.replace("trials: 2", "trials: 4")
                .replace("metrics: [relative-error, train-loss]", "metrics: [train-loss]"));
        reference = temp.resolve("reference");
        Cli.Result result = Cli.run("run", spec.toString(), "--out", reference.toString(), "--threads", "2");
        assertThat(result.code()).as(result.err()).isZero();
    }

    @AfterAll
    static void removeTemp() throws IOException {
        try (Stream<Path> files = Files.walk(temp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int serial;

    /** A copy of the reference run directory, without its tables, as a kill would leave it. */
    private static synchronized Path copyOfReference() throws IOException {
        Path copy = temp.resolve("case-" + serial++);
        try (Stream<Path> files = Files.walk(reference)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(reference.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals(".lock")) {
                    Files.copy(file, target);
                }
            }
        }
        return copy;
    }

    private static Path trial(Path run, int index) {
        return run.resolve("trials").resolve(String.format("trial-%06d.json", index));
    }

    /** {@code trials.csv} without its wall-time column, which a rerun trial changes. */
    private static List<String> trialsTable(Path run) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("trials.csv"));
        int wall = Arrays.asList(lines.get(0).split(",")).indexOf("wall_seconds");
        return lines.stream().map(line -> {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            if (wall >= 0 && wall < cells.size()) {
                cells.remove(wall);
            }
            return String.join(",", cells);
        }).collect(Collectors.toList());
    }

    /** Resumes {@code run} and checks the outcome against the reference. */
    private static Cli.Result resume(Path run, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("run", spec.toString(), "--out", run.toString(), "--threads", "2"));
        args.addAll(List.of(extra));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        InputFuzzTest.assertNoStackTrace(result);
        assertThat(result.code()).as(result.err()).isZero();
        if (extra.length == 0) {
            assertThat(trialsTable(run)).isEqualTo(trialsTable(reference));
            assertThat(run.resolve("series.csv")).hasSameTextualContentAs(reference.resolve("series.csv"));
        }
        try (Stream<Path> files = Files.walk(run)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")))
                    .as("temporary files left").isEmpty();
        }
        return result;
    }

    /** Damages trial {@code index} with {@code damage}, resumes, and checks the file was named and set aside. */
    private static DynamicTest damagedTrial(String name, int index, Damage damage) {
        return DynamicTest.dynamicTest(name, () -> {
            Path run = copyOfReference();
            Path file = trial(run, index);
            damage.apply(run, file);
            Cli.Result result = resume(run);
            assertThat(result.err()).contains("warning: " + file + ": ").contains("set aside as " + file.getFileName()
                    + ".corrupt, the trial runs again");
            assertThat(result.out()).contains("(7 resumed)");
            assertThat(Path.of(file + ".corrupt")).exists();
        });
    }

    @FunctionalInterface
    private interface Damage {
        void apply(Path run, Path file) throws IOException;
    }

    private static void rewrite(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    @TestFactory
    Stream<DynamicTest> damagedTrialFilesAreNamedSetAsideAndRunAgain() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(damagedTrial("empty", 1, (run, file) -> Files.write(file, new byte[0])));
        byte[] whole = Files.readAllBytes(trial(reference, 1));
        for (int cut : new int[] {1, 17, whole.length / 3, whole.length / 2, whole.length - 2}) {
            tests.add(damagedTrial("cut at byte " + cut, 1, (run, file) -> Files.write(file, Arrays.copyOf(whole, cut))));
        }
        tests.add(damagedTrial("random bytes", 2, (run, file) -> {
            byte[] noise = new byte[300];
            new java.util.Random(15).nextBytes(noise);
            Files.write(file, noise);
        }));
        tests.add(damagedTrial("JSON null", 0, (run, file) -> Files.writeString(file, "null")));
        tests.add(damagedTrial("a JSON list", 0, (run, file) -> Files.writeString(file, "[1, 2]")));
        tests.add(damagedTrial("an empty object", 0, (run, file) -> Files.writeString(file, "{}")));
        tests.add(damagedTrial("not UTF-8", 3, (run, file) -> Files.write(file, new byte[] {'{', (byte) 0xFF, '}'})));
        tests.add(damagedTrial("another trial's content", 0, (run, file) -> Files.copy(trial(run, 2), file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING)));
        tests.add(damagedTrial("another seed", 1, (run, file) -> {
            String seed = Files.readString(file).replaceAll("(?s).*\"seed\" : \"(-?\\d+)\".*", "$1");
            rewrite(file, "\"seed\" : \"" + seed + "\"", "\"seed\" : \"12345\"");
        }));
        tests.add(damagedTrial("another sweep value", 5, (run, file) -> rewrite(file, "\"optimizer.step\" : 0.5",
                "\"optimizer.step\" : 0.25")));
        tests.add(damagedTrial("another repetition", 1, (run, file) -> rewrite(file, "\"repetition\" : 1",
                "\"repetition\" : 0")));
        tests.add(damagedTrial("an unknown status", 1, (run, file) -> rewrite(file, "\"status\" : \"done\"",
                "\"status\" : \"exploded\"")));
        tests.add(damagedTrial("a torn series", 3, (run, file) -> {
            String text = Files.readString(file);
            Files.writeString(file, text.replaceFirst("\"seriesValue\" : \\[ ([^,]+), ", "\"seriesValue\" : [ "));
        }));
        tests.add(damagedTrial("a seed that is no number", 0, (run, file) -> {
            String seed = Files.readString(file).replaceAll("(?s).*\"seed\" : \"(-?\\d+)\".*", "$1");
            rewrite(file, "\"seed\" : \"" + seed + "\"", "\"seed\" : \"many\"");
        }));
        tests.add(damagedTrial("another spec's fingerprint", 2, (run, file) -> {
            String fingerprint = Files.readString(file).replaceAll("(?s).*\"fingerprint\" : \"([0-9a-f]+)\".*", "$1");
            rewrite(file, fingerprint, "0123456789abcdef01234567");
        }));
        tests.add(DynamicTest.dynamicTest("a trial outside the plan", () -> {
            Path run = copyOfReference();
            Path stray = trial(run, 99);
            Files.writeString(stray, Files.readString(trial(run, 1)).replace("\"index\" : 1", "\"index\" : 99"));
            Cli.Result result = resume(run);
            assertThat(result.err()).contains("warning: " + stray + ": trial 99 is not in the plan of 8 trials");
            assertThat(result.out()).contains("(8 resumed)");
        }));
        tests.add(DynamicTest.dynamicTest("a file name that is no trial's", () -> {
            Path run = copyOfReference();
            Path stray = run.resolve("trials").resolve("trial-abc.json");
            Files.copy(trial(run, 1), stray);
            Cli.Result result = resume(run);
            assertThat(result.err()).contains("warning: " + stray + ": not a trial file name");
        }));
        tests.add(DynamicTest.dynamicTest("a directory named like a trial", () -> {
            Path run = copyOfReference();
            Files.delete(trial(run, 4));
            Files.createDirectories(trial(run, 4));
            Cli.Result result = resume(run);
            assertThat(result.err()).contains("warning: " + trial(run, 4) + ": not a regular file");
        }));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> damagedOrMissingManifestsAndLeftoversAreHandled() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] content : new String[][] {{"empty", ""}, {"cut", "{\"name\" : \"fuzz\", \"finger"},
            {"a list", "[]"}, {"null", "null"}, {"without fingerprint", "{\"name\": \"fuzz\"}"}}) {
            tests.add(DynamicTest.dynamicTest("manifest " + content[0], () -> {
                Path run = copyOfReference();
                Path manifest = run.resolve("manifest.json");
                Files.writeString(manifest, content[1]);
                Cli.Result result = resume(run);
                assertThat(result.err()).contains("warning: " + manifest + ": ").contains("set aside as manifest.json.corrupt");
                assertThat(result.out()).contains("(8 resumed)");
                assertThat(Path.of(manifest + ".corrupt")).exists();
            }));
        }
        tests.add(DynamicTest.dynamicTest("no manifest, matching trials", () -> {
            Path run = copyOfReference();
            Files.delete(run.resolve("manifest.json"));
            Cli.Result result = resume(run);
            assertThat(result.out()).contains("(8 resumed)");
            assertThat(result.err()).doesNotContain("warning");
        }));
        tests.add(DynamicTest.dynamicTest("no manifest, trials of another seed", () -> {
            Path run = copyOfReference();
            Files.delete(run.resolve("manifest.json"));
            Cli.Result result = resume(run, "--set", "seed=43");
            assertThat(result.out()).contains("(0 resumed)");
            assertThat(result.err()).contains("warning: " + trial(run, 0) + ": its seed");
            Path fresh = temp.resolve("seed-43-" + serial++);
            assertThat(Cli.run("run", spec.toString(), "--out", fresh.toString(), "--set", "seed=43").code()).isZero();
            assertThat(trialsTable(run)).isEqualTo(trialsTable(fresh));
        }));
        tests.add(DynamicTest.dynamicTest("no manifest, trials of another sweep value", () -> {
            Path run = copyOfReference();
            Files.delete(run.resolve("manifest.json"));
            Cli.Result result = resume(run, "--set", "optimizer.iterations=30");
            assertThat(result.out()).contains("(0 resumed)");
            assertThat(result.err()).contains("written by a run of another spec");
        }));
        tests.add(DynamicTest.dynamicTest("temporary files left by a kill", () -> {
            Path run = copyOfReference();
            Path[] leftovers = {run.resolve(".manifest.json.123.tmp"), run.resolve("trials/.trial-000001.json.456.tmp"),
                run.resolve(".trials.csv.789.tmp")};
            for (Path leftover : leftovers) {
                Files.writeString(leftover, "half");
            }
            resume(run);
            for (Path leftover : leftovers) {
                assertThat(leftover).doesNotExist();
            }
        }));
        tests.add(DynamicTest.dynamicTest("every trial file damaged", () -> {
            Path run = copyOfReference();
            for (int i = 0; i < 8; i++) {
                Files.write(trial(run, i), "{".getBytes(StandardCharsets.UTF_8));
            }
            Cli.Result result = resume(run);
            assertThat(result.out()).contains("(0 resumed)");
            assertThat(result.err().lines().filter(l -> l.startsWith("warning: "))).hasSize(8);
        }));
        return tests.stream();
    }
}
