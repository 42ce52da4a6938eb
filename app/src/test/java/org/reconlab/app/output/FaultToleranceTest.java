package org.reconlab.app.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.reconlab.app.cli.Main;

class FaultToleranceTest {

    private static final Path SLOW = Path.of("src/test/resources/specs/slow-toy.yaml");

    @TempDir
    Path temp;

    private static Process startRun(Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", SLOW.toString(), "--out", out.toString(), "--threads", "2")
                .redirectErrorStream(true).start();
    }

    /**
     * Reads the run's output until its progress line for the {@code count}-th finished trial (printed after the trial
     * is saved), so the caller acts right after that event.
     */
    private static void awaitFinishedTrials(Process process, int count) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String expected = "trial " + count + "/";
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(expected)) {
                return;
            }
        }
        throw new AssertionError("the run ended before its trial " + count + " finished; exit code "
                + process.onExit().join().exitValue());
    }

    private static long savedTrials(Path out) throws IOException {
        Path trials = out.resolve("trials");
        if (!Files.isDirectory(trials)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(trials)) {
            return files.filter(p -> p.getFileName().toString().matches("trial-\\d+\\.json")).count();
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aRunKilledWithSigkillAndRunAgainHasEveryTrialOnceWithIdenticalNumbers() throws Exception {
        Path killed = temp.resolve("killed");
        Process process = startRun(killed);
        awaitFinishedTrials(process, 2);
        process.destroyForcibly();  // SIGKILL: no shutdown hook runs
        process.waitFor();
        // Trials 1 and 2 were saved before their progress lines; trials 5 and 6 start only when 3 and 4, each about a
        // second of work, finish: the kill lands with at least one trial left to resume.
        assertThat(savedTrials(killed)).isBetween(2L, 5L);
        assertThat(killed.resolve("trials.csv")).doesNotExist();

        assertThat(Main.execute(new String[] {"run", SLOW.toString(), "--out", killed.toString()},
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter())))
                .isZero();
        Path whole = temp.resolve("whole");
        assertThat(Main.execute(new String[] {"run", SLOW.toString(), "--out", whole.toString()},
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter())))
                .isZero();

        assertThat(savedTrials(killed)).isEqualTo(6);
        assertThat(Files.readString(killed.resolve("series.csv"))).isEqualTo(Files.readString(whole.resolve("series.csv")));
        List<String> resumed = withoutWallTime(killed.resolve("trials.csv"));
        assertThat(resumed).hasSize(7).isEqualTo(withoutWallTime(whole.resolve("trials.csv")));
        assertThat(leftoverTemporaryFiles(killed)).isEmpty();
    }

    private static List<String> withoutWallTime(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(line -> line.replaceAll(",done,4000,[^,]+,", ",done,4000,,")).toList();
    }

    private static List<Path> leftoverTemporaryFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = temp.resolve("trials.csv");
        Files.writeString(target, "old content\n");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half of the new con".getBytes());
            throw new IOException("No space left on device");
        })).isInstanceOf(IOException.class).hasMessageContaining(target.toString()).hasMessageContaining("No space left");
        assertThat(Files.readString(target)).isEqualTo("old content\n");
        assertThat(leftoverTemporaryFiles(temp)).isEmpty();
    }

    @Test
    void writtenFilesAreReadableByOthers() throws IOException {
        Path target = temp.resolve("manifest.json");
        AtomicFiles.write(target, "{}".getBytes());
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
                .isEqualTo("rw-r--r--");
    }

    @Test
    @SuppressWarnings("try") // the first lock is held for the second attempt, never read
    void aSecondLockOnTheSameDirectoryIsRefusedUntilTheFirstIsReleased() throws IOException {
        Path out = temp.resolve("run");
        try (RunDirectory first = RunDirectory.open(out)) {
            assertThatThrownBy(() -> RunDirectory.open(out))
                    .isInstanceOf(RunDirectory.RunDirectoryBusyException.class).hasMessageContaining(out.toString());
        }
        RunDirectory.open(out).close();
    }
}
