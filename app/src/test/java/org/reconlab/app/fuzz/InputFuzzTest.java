package org.reconlab.app.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.reconlab.app.Cli;

/**
 * Hostile input, generated: a valid spec mutated line by line (hostile values, deleted, duplicated or tab-indented
 * lines, bytes that are not UTF-8, truncation), hostile command lines, and {@code .npy} files truncated at every few
 * bytes or with lying headers, non-finite entries, or paths that are no regular file. Every case must be refused with
 * exit code 2 and one {@code error:} line that names the file and the line or key, with no stack trace, and a
 * refused {@code run} must write nothing; a mutation that happens to leave a valid spec must validate cleanly.
 * (Resume from damaged run directories is {@link ResumeFuzzTest}.)
 */
class InputFuzzTest {

    /** The spec every mutation starts from; each key on a line of its own, so that errors can be located. */
    static final String BASE = """
            name: fuzz
            description: a toy spec to mutate
            seed: 42
            trials: 2
            problem:
              plugin: toy-vector
              n: 5
            measurement:
              plugin: toy-gaussian
              m: 30
            model:
              plugin: toy-linear
            optimizer:
              plugin: gradient-descent
              step: 0.5
              iterations: 40
            metrics: [relative-error, train-loss]
            record-every: 10
            trial-timeout: 60
            sweep:
              optimizer.step: [0.2, 0.5]
            variants:
              plain: {}
              wide:
                measurement.m: 40
            """;

    /** Values that are wrong somewhere: out of every integer range, non-finite, of the wrong type, malformed YAML. */
    private static final List<String> HOSTILE_VALUES = List.of("4294967297", "2147483648", "99999999999999999999",
            "-1", "1e400", ".nan", "{}", "~", "!!timestamp 2001-12-14", "*undefined", "x".repeat(200));

    /**
     * The hostile values that are valid on a line after all, by the line's key: any integer is a seed, a null leaves
     * an optional key at its default, a swept value is overridden by the sweep, a long name is a name.
     */
    private static final java.util.Map<String, List<String>> STILL_VALID = java.util.Map.of(
            "name: ", List.of("x".repeat(200)),
            "seed: ", List.of("4294967297", "2147483648", "-1", "0", "~"),
            "trials: ", List.of("~"),
            "  iterations: ", List.of("0"),
            "  step: ", HOSTILE_VALUES,
            "metrics: ", List.of("[]", "~"),
            "record-every: ", List.of("~"),
            "trial-timeout: ", List.of("~"),
            "  plain: ", List.of("~", "{}"),
            "description: ", HOSTILE_VALUES);

    private static Path temp;

    @BeforeAll
    static void createTemp() throws IOException {
        temp = Files.createTempDirectory("reconlab-fuzz");
    }

    @AfterAll
    static void removeTemp() throws IOException {
        try (Stream<Path> files = Files.walk(temp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static int serial;

    private static synchronized Path freshDirectory() throws IOException {
        return Files.createDirectories(temp.resolve("case-" + serial++));
    }

    /** The clean refusal every case must end in, or a clean pass where the input happens to be valid. */
    static void assertNoStackTrace(Cli.Result result) {
        assertThat(result.err()).as("stderr").doesNotContain("\tat ").doesNotContain("Exception")
                .doesNotContain("java.lang.");
        assertThat(result.code()).as("exit code; stderr: %s", result.err()).isIn(0, 2);
    }

    static void assertRefused(Cli.Result result, String... named) {
        assertNoStackTrace(result);
        assertThat(result.code()).as("exit code; stderr: %s", result.err()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ");
        assertThat(result.err().strip().lines().count()).as("one error line: %s", result.err()).isEqualTo(1);
        for (String name : named) {
            assertThat(result.err()).contains(name);
        }
    }

    /**
     * Validates {@code bytes} as a spec file; if refused and {@code alsoRun}, runs it too and checks that the run is
     * refused the same way and writes nothing. (A run per case would double the suite's time; every few cases run.)
     */
    private static void validateThenRun(byte[] bytes, Function<Cli.Result, String[]> mustName, boolean mayBeValid,
            boolean alsoRun) throws IOException {
        Path directory = freshDirectory();
        Path spec = directory.resolve("spec.yaml");
        Files.write(spec, bytes);
        Cli.Result validated = Cli.run("validate", spec.toString());
        assertNoStackTrace(validated);
        if (validated.code() == 0) {
            assertThat(mayBeValid).as("accepted: %s", new String(bytes, StandardCharsets.UTF_8)).isTrue();
            return;
        }
        assertRefused(validated, mustName.apply(validated));
        if (!alsoRun) {
            return;
        }
        Path out = directory.resolve("out");
        Cli.Result run = Cli.run("run", spec.toString(), "--out", out.toString());
        assertRefused(run);
        assertThat(run.err()).isEqualTo(validated.err());
        assertThat(out).as("a refused run writes nothing").doesNotExist();
    }

    private static String[] lines() {
        return BASE.split("\n", -1);
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines);
    }

    @TestFactory
    Stream<DynamicTest> hostileValuesOnEveryLineAreRefusedAtThatLine() {
        String[] lines = lines();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int colon = lines[i].indexOf(": ");
            if (colon < 0) {
                continue;
            }
            int lineNumber = i + 1;
            String key = lines[i].substring(0, colon + 2);
            for (String value : HOSTILE_VALUES) {
                List<String> mutated = new ArrayList<>(Arrays.asList(lines));
                mutated.set(i, key + value);
                boolean valid = STILL_VALID.getOrDefault(key, List.of()).contains(value);
                boolean alsoRun = tests.size() % 5 == 0;
                tests.add(DynamicTest.dynamicTest("line " + lineNumber + " = " + abbreviate(value), () ->
                        validateThenRun(join(mutated).getBytes(StandardCharsets.UTF_8),
                                r -> new String[] {"spec.yaml:" + lineNumber + ":"}, valid, alsoRun)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> structuralDamageIsRefusedWithTheFileNamed() {
        String[] lines = lines();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < lines.length - 1; i++) {
            int index = i;
            List<String> deleted = new ArrayList<>(Arrays.asList(lines));
            deleted.remove(index);
            // Deleting an optional key (description, seed, trials, ...) leaves a valid spec.
            tests.add(spec("delete line " + (i + 1), join(deleted), true));
            List<String> duplicated = new ArrayList<>(Arrays.asList(lines));
            duplicated.add(index, lines[index]);
            tests.add(spec("duplicate line " + (i + 1), join(duplicated), false));
            List<String> tab = new ArrayList<>(Arrays.asList(lines));
            tab.set(index, "\t" + lines[index]);
            tests.add(spec("tab before line " + (i + 1), join(tab), false));
            byte[] invalid = (join(Arrays.asList(lines).subList(0, index)) + (index == 0 ? "" : "\n")).getBytes(
                    StandardCharsets.UTF_8);
            byte[] rest = join(Arrays.asList(lines).subList(index, lines.length)).getBytes(StandardCharsets.UTF_8);
            byte[] withBadByte = new byte[invalid.length + 1 + rest.length];
            System.arraycopy(invalid, 0, withBadByte, 0, invalid.length);
            withBadByte[invalid.length] = (byte) 0xFF;
            System.arraycopy(rest, 0, withBadByte, invalid.length + 1, rest.length);
            int lineNumber = i + 1;
            tests.add(DynamicTest.dynamicTest("byte 0xFF at line " + lineNumber, () -> validateThenRun(withBadByte,
                    r -> new String[] {"spec.yaml:" + lineNumber + ": byte 0xFF at column 1 is not UTF-8"}, false,
                    lineNumber % 5 == 0)));
        }
        Random random = new Random(15);
        byte[] base = BASE.getBytes(StandardCharsets.UTF_8);
        for (int t = 0; t < 12; t++) {
            int cut = 1 + random.nextInt(base.length - 2);
            // Cut at a key boundary, a spec may still be valid (a missing optional key).
            tests.add(DynamicTest.dynamicTest("truncated at byte " + cut, () -> validateThenRun(Arrays.copyOf(base, cut),
                    r -> new String[] {"spec.yaml"}, true, false)));
        }
        tests.add(spec("nested 100 deep", BASE + "plots: " + "[".repeat(100) + "]".repeat(100) + "\n", false));
        tests.add(spec("key that is a list", BASE + "[1, 2]: 3\n", false));
        tests.add(spec("key that is a mapping", BASE + "? {a: 1}\n: 2\n", false));
        tests.add(spec("recursive alias", BASE.replace("metrics: [relative-error, train-loss]", "metrics: &m [*m]"),
                false));
        tests.add(spec("billion laughs", BASE + "plots:\n  a: &a [x, x, x, x, x, x, x, x, x]\n"
                + "  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n  e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
                + "  f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n  g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n", false));
        tests.add(spec("merge key", BASE + "base: &base {plugin: toy-linear}\n", false));
        tests.add(spec("a list, not a mapping", "- 1\n- 2\n", false));
        tests.add(spec("empty", "", false));
        tests.add(spec("only a comment", "# nothing\n", false));
        tests.add(spec("NUL character", BASE.replace("a toy spec", "a toy\u0000spec"), false));
        tests.add(spec("line too long", BASE.replace("a toy spec to mutate", "y".repeat(20_000)), false));
        tests.add(spec("2 MiB spec", BASE + ("# " + "z".repeat(1000) + "\n").repeat(2100), false));
        tests.add(spec("unknown key in a variant", BASE.replace("    measurement.m: 40", "    measurement.mm: 40"), false));
        tests.add(spec("unknown key in a variant's component", BASE + "  other:\n    model:\n      plugin: toy-linear\n"
                + "      colour: red\n", false));
        tests.add(spec("54 million sweep points", BASE.replace("  optimizer.step: [0.2, 0.5]", "  optimizer.step: ["
                + "0.1, ".repeat(299) + "0.2]\n  optimizer.iterations: [" + "1, ".repeat(299) + "2]\n  problem.n: ["
                + "1, ".repeat(599) + "2]"), false));
        return tests.stream();
    }

    private static int structural;

    private static DynamicTest spec(String name, String text, boolean mayBeValid) {
        boolean alsoRun = structural++ % 4 == 0;
        return DynamicTest.dynamicTest(name, () -> validateThenRun(text.getBytes(StandardCharsets.UTF_8),
                r -> new String[] {"spec.yaml"}, mayBeValid, alsoRun));
    }

    @TestFactory
    Stream<DynamicTest> hostileCommandLinesAreRefused() throws IOException, InterruptedException {
        Path directory = freshDirectory();
        Path spec = Files.writeString(directory.resolve("spec.yaml"), BASE);
        Path fifo = directory.resolve("fifo.yaml");
        boolean haveFifo = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10,
                java.util.concurrent.TimeUnit.SECONDS) && Files.exists(fifo);
        List<DynamicTest> tests = new ArrayList<>();
        Object[][] cases = {
            {"--out empty", new String[] {"run", spec.toString(), "--out", ""}, "--out \"\""},
            {"--out blank", new String[] {"run", spec.toString(), "--out", "  "}, "--out"},
            {"--out with NUL", new String[] {"run", spec.toString(), "--out", "a\u0000b"}, "--out"},
            {"--threads 2^32+1", new String[] {"run", spec.toString(), "--threads", "4294967297"}, "4294967297"},
            {"--threads 0", new String[] {"run", spec.toString(), "--threads", "0"}, "--threads 0"},
            {"--threads -1", new String[] {"run", spec.toString(), "--threads", "-1"}, "--threads -1"},
            {"--shard 2^32+1/2", new String[] {"run", spec.toString(), "--shard", "4294967297/2"}, "--shard"},
            {"--shard 1/0", new String[] {"run", spec.toString(), "--shard", "1/0"}, "--shard 1/0"},
            {"--set trials=2^32+1", new String[] {"run", spec.toString(), "--set", "trials=4294967297"},
                "--set trials=4294967297: trials: must be an integer in [1, 1000000], got 4294967297"},
            {"--set record-every=2^31", new String[] {"validate", spec.toString(), "--set", "record-every=2147483648"},
                "got 2147483648"},
            {"--set without key", new String[] {"validate", spec.toString(), "--set", "=3"}, "--set =3"},
            {"--set trial-timeout=0", new String[] {"validate", spec.toString(), "--set", "trial-timeout=0"},
                "trial-timeout: must be a positive duration"},
            {"--set trial-timeout=1y", new String[] {"validate", spec.toString(), "--set", "trial-timeout=1y"},
                "trial-timeout"},
            {"--set a huge integer", new String[] {"validate", spec.toString(), "--set", "problem.n=99999999999999999999"},
                "integer 99999999999999999999 is too large"},
            {"missing spec", new String[] {"validate", directory.resolve("none.yaml").toString()}, "none.yaml: no such spec file"},
            {"spec in a missing directory", new String[] {"validate", directory.resolve("no/none.yaml").toString()},
                "does not exist"},
            {"spec is a directory", new String[] {"validate", directory.toString()}, "is a directory, not a spec file"},
            {"spec path with NUL", new String[] {"validate", "spec\u0000.yaml"}, "SPEC"},
            {"empty spec path", new String[] {"validate", ""}, ""},
        };
        for (Object[] c : cases) {
            String[] args = (String[]) c[1];
            tests.add(DynamicTest.dynamicTest((String) c[0], () -> {
                Path out = directory.resolve("out-" + c[0].hashCode());
                String[] withOut = args[0].equals("run") && !Arrays.asList(args).contains("--out")
                        ? concat(args, "--out", out.toString()) : args;
                assertRefused(Cli.run(withOut), (String) c[2]);
                assertThat(out).doesNotExist();
            }));
        }
        if (haveFifo) {
            tests.add(DynamicTest.dynamicTest("spec is a FIFO", () -> assertRefused(Cli.run("validate", fifo.toString()),
                    fifo + ": not a regular file")));
        }
        return tests.stream();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A version 1.0 {@code .npy} file: the header dict, padded to 64 bytes, then {@code data}. */
    static byte[] npy(String dict, byte[] data) {
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        ByteBuffer out = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1)).put(data);
        return out.array();
    }

    static byte[] doubles(double... values) {
        ByteBuffer out = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            out.putDouble(value);
        }
        return out.array();
    }

    private static final String F8_5 = "{'descr': '<f8', 'fortran_order': False, 'shape': (5,), }";

    @TestFactory
    Stream<DynamicTest> hostileNpyFilesAreRefusedNamingTheFile() throws IOException {
        byte[] valid = npy(F8_5, doubles(1, -2, 3, 0.5, 4));
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("the valid file validates", () -> {
            Path directory = freshDirectory();
            Path file = Files.write(directory.resolve("truth.npy"), valid);
            Cli.Result result = Cli.run("validate", npySpec(directory, file.getFileName().toString()).toString());
            assertNoStackTrace(result);
            assertThat(result.code()).as(result.err()).isZero();
        }));
        for (int cut = 0; cut < valid.length; cut += 5) {
            tests.add(npyCase("truncated at byte " + cut, Arrays.copyOf(valid, cut), "truth.npy"));
        }
        String[][] headers = {
            {"(300000000,)", "more than the file holds"}, {"(20000, 10000)", "more than the file holds"},
            {"(-2,)", "negative dimension -2"},
            {"(2, -3)", "negative dimension -3"}, {"(99999999999,)", "bad shape"}, {"('a',)", "bad shape"},
            {"(6,)", "but the file has"}, {"(4,)", "but the file has"}, {"(2, 3)", "but the file has"},
            {"(2000000000, 2000000000)", "more than the file holds"}, {"(3037000500, 3037000500)", "bad shape"},
            {"()", "but the file has"},
        };
        for (String[] header : headers) {
            tests.add(npyCase("shape " + header[0], npy("{'descr': '<f8', 'fortran_order': False, 'shape': " + header[0]
                    + ", }", doubles(1, -2, 3, 0.5, 4)), header[1]));
        }
        for (String descr : List.of("<c16", "<f2", "|b1", "<U3", "<f16", "<i99999999999")) {
            tests.add(npyCase("descr " + descr, npy("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (5,), }",
                    doubles(1, -2, 3, 0.5, 4)), "truth.npy"));
        }
        tests.add(npyCase("shape (0,)", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (0,), }", new byte[0]),
                "the array of shape (0,) has no entries"));
        tests.add(npyCase("shape (0, 0)", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 0), }",
                new byte[0]), "the array of shape (0, 0) has no entries"));
        tests.add(npyCase("no shape", npy("{'descr': '<f8', 'fortran_order': False, }", doubles(1, 2, 3, 4, 5)),
                "header has no 'shape'"));
        tests.add(npyCase("not npy", "PK\u0003\u0004 a zip".getBytes(StandardCharsets.ISO_8859_1), "not a .npy file"));
        byte[] version9 = valid.clone();
        version9[6] = 9;
        tests.add(npyCase("version 9", version9, "unsupported .npy version 9"));
        byte[] longHeader = valid.clone();
        longHeader[8] = (byte) 0xFF;
        longHeader[9] = (byte) 0xFF;
        tests.add(npyCase("header length 65535", longHeader, "implausible .npy header length 65535"));
        tests.add(npyCase("NaN at 3", npy(F8_5, doubles(1, 2, 3, Double.NaN, 5)), "entry 3 (index (3,) of shape (5,)) is NaN"));
        tests.add(npyCase("Inf at 0", npy(F8_5, doubles(Double.POSITIVE_INFINITY, 2, 3, 4, 5)), "entry 0"));
        tests.add(npyCase("-Inf in a matrix", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }",
                doubles(1, 2, 3, 4, Double.NEGATIVE_INFINITY, 6)), "entry 4 (index (1, 1) of shape (2, 3)) is -Infinity"));
        tests.add(npyCase("empty file", new byte[0], "truth.npy"));
        tests.add(DynamicTest.dynamicTest("missing file", () -> {
            Path directory = freshDirectory();
            assertNpyRefused(directory, "absent.npy", "absent.npy: no such .npy file");
        }));
        tests.add(DynamicTest.dynamicTest("a directory", () -> {
            Path directory = freshDirectory();
            Files.createDirectories(directory.resolve("dir.npy"));
            assertNpyRefused(directory, "dir.npy", "is a directory, not a .npy file");
        }));
        tests.add(DynamicTest.dynamicTest("a FIFO", () -> {
            Path directory = freshDirectory();
            Path fifo = directory.resolve("fifo.npy");
            org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start()
                    .waitFor() == 0);
            assertNpyRefused(directory, "fifo.npy", "fifo.npy: not a regular file");
        }));
        tests.add(DynamicTest.dynamicTest("a dangling symbolic link", () -> {
            Path directory = freshDirectory();
            Files.createSymbolicLink(directory.resolve("link.npy"), directory.resolve("gone.npy"));
            assertNpyRefused(directory, "link.npy", "link.npy: no such .npy file");
        }));
        tests.add(DynamicTest.dynamicTest("a path with NUL", () -> {
            Path directory = freshDirectory();
            assertNpyRefused(directory, "a\\0b.npy", "spec.yaml:4: problem.path: 'a\\u0000b.npy' is not a valid path");
        }));
        return tests.stream();
    }

    private static Path npySpec(Path directory, String path) throws IOException {
        return Files.writeString(directory.resolve("spec.yaml"), "name: npy\n"
                + "seed: 1\n"
                + "problem:\n"
                + "  path: \"" + path + "\"\n"
                + "  plugin: npy-signal\n"
                + "measurement: { plugin: toy-gaussian, m: 30 }\n"
                + "model: { plugin: toy-linear }\n"
                + "optimizer: { plugin: gradient-descent, step: 0.5, iterations: 10 }\n");
    }

    private static DynamicTest npyCase(String name, byte[] bytes, String named) {
        return DynamicTest.dynamicTest(name, () -> {
            Path directory = freshDirectory();
            Files.write(directory.resolve("truth.npy"), bytes);
            assertNpyRefused(directory, "truth.npy", named);
        });
    }

    private static void assertNpyRefused(Path directory, String path, String named) throws IOException {
        Path spec = npySpec(directory, path);
        Cli.Result validated = Cli.run("validate", spec.toString());
        assertRefused(validated, "spec.yaml:4: problem.path:", named);
        if (!path.contains("\\0")) {
            assertThat(validated.err()).contains(directory.resolve(path).toString());
        }
        if (npyRuns++ % 3 == 0) {
            Path out = directory.resolve("out");
            assertRefused(Cli.run("run", spec.toString(), "--out", out.toString()), named);
            assertThat(out).doesNotExist();
        }
    }

    private static int npyRuns;

    private static String abbreviate(String value) {
        return value.length() > 24 ? value.substring(0, 24) + "..." : value;
    }
}
