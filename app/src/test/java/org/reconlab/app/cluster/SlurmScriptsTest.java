package org.reconlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconlab.app.Bash;
import org.reconlab.app.Cli;
import org.reconlab.app.output.RunDirectory;

/**
 * The scripts {@code reconlab slurm} writes: their text, their bash syntax, the submit logic against a stand-in
 * {@code sbatch}, and the array and merge scripts run as plain bash (as Slurm would run them) reproducing a direct
 * run. The real cluster is exercised by {@code .ci/slurm-check}.
 */
class SlurmScriptsTest {

    private static final Path TOY = Path.of("src/test/resources/specs/toy.yaml");

    @TempDir
    Path temp;

    private SlurmScripts.Job job(Path out) {
        return new SlurmScripts.Job("toy", TOY, out, 3, List.of("--quick", "--set", "name=it's"), 2,
                List.of("partition=short", "time=01:00:00"), Path.of("/opt/jdk/bin/java"),
                List.of("--add-modules", "jdk.incubator.vector"), "/a.jar:/b dir/c.jar");
    }

    @Test
    void theArrayScriptRunsShardIOfNForTaskIWithTheSpecOptionsQuoted() {
        Path out = temp.resolve("out");
        String run = SlurmScripts.runScript(job(out));
        Path spec = TOY.toAbsolutePath().normalize();
        assertThat(run).startsWith("#!/bin/bash\n").contains(
                "#SBATCH --job-name=reconlab-toy\n",
                "#SBATCH --array=0-2\n",
                "#SBATCH --ntasks=1\n",
                "#SBATCH --cpus-per-task=2\n",
                "#SBATCH --output=" + out + "/slurm/logs/run-%A_%a.out\n",
                "#SBATCH --partition=short\n",
                "#SBATCH --time=01:00:00\n",
                "set -euo pipefail\n",
                ": \"${SLURM_ARRAY_TASK_ID:?",
                "status=0\n\"${RECONLAB_JAVA:-/opt/jdk/bin/java}\" ${RECONLAB_JAVA_OPTS:-} --add-modules jdk.incubator.vector"
                        + " -cp '/a.jar:/b dir/c.jar'"
                        + " org.reconlab.app.cli.Main \\\n  run " + spec + " --out " + out + " --quick --set 'name=it'\\''s'"
                        + " \\\n  --shard \"${SLURM_ARRAY_TASK_ID}/3\" --threads \"${SLURM_CPUS_PER_TASK:-2}\""
                        + " \\\n  2> >(grep --line-buffered -v -x 'WARNING: Using incubator modules: jdk.incubator.vector'"
                        + " >&2) || status=$?\nwait \"${!:-}\" 2>/dev/null || true\nexit \"$status\"\n");
        // Directives come before the first command, or sbatch ignores them.
        assertThat(run.lastIndexOf("#SBATCH")).isLessThan(run.indexOf("set -euo pipefail"));
    }

    @Test
    void theMergeScriptMergesDirAndTheSubmitScriptChainsItAfterTheWholeArray() {
        Path out = temp.resolve("out");
        String merge = SlurmScripts.mergeScript(job(out));
        assertThat(merge).contains("#SBATCH --job-name=reconlab-toy-merge\n", "#SBATCH --cpus-per-task=1\n",
                "#SBATCH --output=" + out + "/slurm/logs/merge-%j.out\n", "#SBATCH --partition=short\n",
                "org.reconlab.app.cli.Main \\\n  merge " + out + " \\\n  2> >(grep");
        assertThat(merge).doesNotContain("--array");
        String submit = SlurmScripts.submitScript(job(out));
        assertThat(submit).contains("array=$(sbatch --parsable \"$folder/run.sbatch\")",
                "sbatch --parsable --dependency=afterok:\"$array\" --kill-on-invalid-dep=yes \"$folder/merge.sbatch\"",
                "> \"$folder/submitted\"");
    }

    @Test
    void rejectsDirectivesAndPathsTheScriptsCannotHold() {
        assertThatThrownBy(() -> new SlurmScripts.Job("toy", TOY, temp.resolve("o"), 2, List.of(), 1,
                List.of("partition short"), Path.of("/java"), List.of(), "x")).hasMessageContaining("sbatch option 'partition short'");
        assertThatThrownBy(() -> new SlurmScripts.Job("toy", TOY, temp.resolve("a b"), 2, List.of(), 1, List.of(),
                Path.of("/java"), List.of(), "x")).hasMessageContaining("white space");
        assertThat(SlurmScripts.quote("plain/path-1.yaml")).isEqualTo("plain/path-1.yaml");
        assertThat(SlurmScripts.quote("$HOME")).isEqualTo("'$HOME'");
    }

    @Test
    void theCommandValidatesTheSpecAndTheShardCount() {
        Path out = temp.resolve("cmd");
        Cli.Result tooMany = Cli.run("slurm", TOY.toString(), "--out", out.toString(), "--quick", "--shards", "3");
        assertThat(tooMany.code()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--shards 3: must be between 1 and the experiment's 2 trials");
        Cli.Result badSpec = Cli.run("slurm", TOY.toString(), "--out", out.toString(), "--set", "trials=0");
        assertThat(badSpec.code()).isEqualTo(2);
        assertThat(out.resolve("slurm")).doesNotExist();
        Cli.Result badOption = Cli.run("slurm", TOY.toString(), "--out", out.toString(), "--sbatch", "mem 4G");
        assertThat(badOption.code()).isEqualTo(2);
        assertThat(badOption.err()).contains("sbatch option 'mem 4G'");
    }

    /** Submit with a stand-in sbatch that logs its arguments and answers job ids as Slurm's --parsable does. */
    @Test
    void submitQueuesTheArrayThenTheMergeWithAnAfterokDependencyOnIt() throws Exception {
        Path out = temp.resolve("submit");
        Cli.Result written = Cli.run("slurm", TOY.toString(), "--out", out.toString(), "--quick");
        assertThat(written.code()).as(written.err()).isZero();
        assertThat(written.out()).contains("2 array tasks of 2 trials").contains("submit with: bash " + out + "/slurm/submit.sh");
        Path bin = Files.createDirectories(temp.resolve("bin"));
        Path log = temp.resolve("sbatch.log");
        Path sbatch = bin.resolve("sbatch");
        Files.writeString(sbatch, String.join("\n", "#!/bin/bash",
                "echo \"$*\" >> " + log,
                "if [[ $(wc -l < " + log + ") == 1 ]]; then echo '41;testcluster'; else echo 42; fi", ""));
        Files.setPosixFilePermissions(sbatch, PosixFilePermissions.fromString("rwxr-xr-x"));
        Bash.Result result = Bash.run(Map.of("PATH", bin + ":" + System.getenv("PATH")), out.resolve("slurm/submit.sh").toString());
        assertThat(result.code()).as(result.output()).isZero();
        assertThat(result.output()).contains("submitted job array 41 (2 shards) and merge job 42");
        Path slurm = out.resolve("slurm");
        assertThat(Files.readAllLines(log)).containsExactly(
                "--parsable " + slurm.resolve("run.sbatch"),
                "--parsable --dependency=afterok:41 --kill-on-invalid-dep=yes " + slurm.resolve("merge.sbatch"));
        assertThat(Files.readAllLines(slurm.resolve("submitted"))).containsExactly("array=41", "merge=42");
    }

    /** Runs the generated scripts as Slurm would (array task i with SLURM_ARRAY_TASK_ID=i, then the merge). */
    @Test
    void theGeneratedScriptsRunTheShardsAndMergeIntoTheDirectRun() throws Exception {
        Path direct = temp.resolve("direct");
        assertThat(Cli.run("run", TOY.toString(), "--quick", "--out", direct.toString()).code()).isZero();
        Path out = temp.resolve("array");
        assertThat(Cli.run("slurm", TOY.toString(), "--out", out.toString(), "--quick").code()).isZero();
        Path slurm = out.resolve("slurm");
        // Outside an array task the script refuses instead of running something else.
        Bash.Result outside = Bash.run(Map.of(), slurm.resolve("run.sbatch").toString());
        assertThat(outside.code()).isNotZero();
        assertThat(outside.output()).contains("runs as a Slurm array task");
        for (int task = 0; task < 2; task++) {
            Bash.Result shard = Bash.run(Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(task), "SLURM_CPUS_PER_TASK", "1"),
                    slurm.resolve("run.sbatch").toString());
            assertThat(shard.code()).as(shard.output()).isZero();
            // this JVM runs with the Vector API module, so the jobs' JVMs announce it, and the scripts filter that out
            assertThat(shard.output()).doesNotContain("incubator");
        }
        Bash.Result merge = Bash.run(Map.of(), slurm.resolve("merge.sbatch").toString());
        assertThat(merge.code()).as(merge.output()).isZero();
        assertThat(merge.output()).doesNotContain("incubator");
        assertThat(Files.readAllLines(out.resolve(RunDirectory.SERIES_CSV)))
                .isEqualTo(Files.readAllLines(direct.resolve(RunDirectory.SERIES_CSV)));
    }

    @Test
    void everyGeneratedScriptIsValidBash() throws Exception {
        Path out = temp.resolve("syntax");
        SlurmScripts.write(job(out));
        for (String script : List.of(SlurmScripts.RUN, SlurmScripts.MERGE, SlurmScripts.SUBMIT)) {
            Path file = out.resolve("slurm").resolve(script);
            assertThat(Files.isExecutable(file)).as(script).isTrue();
            Bash.Result syntax = Bash.run(Map.of(), "-n", file.toString());
            assertThat(syntax.code()).as(script + ": " + syntax.output()).isZero();
        }
        assertThat(out.resolve("slurm/logs")).isDirectory();
    }

    @Test
    void jobsRunWithTheVectorModuleWhenThisJvmHasIt() {
        // the build's tests run with --add-modules jdk.incubator.vector, as the reconlab launcher does
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        assertThat(SlurmScripts.currentJvmOptions()).containsExactly("--add-modules", "jdk.incubator.vector");
    }

    @Test
    void jobsPassOnTheCollectorAndAskForHugePagesOnlyWhereTheirNodeOffersThem() throws Exception {
        Path out = temp.resolve("options");
        SlurmScripts.Job job = new SlurmScripts.Job("toy", TOY, out, 2, List.of(), 1, List.of(),
                Path.of("/opt/jdk/bin/java"), List.of("--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC",
                        SlurmScripts.HUGE_PAGES), "/a.jar");
        SlurmScripts.write(job);
        // a stand-in JVM that prints the options it was started with
        Path java = temp.resolve("java");
        Files.writeString(java, "#!/bin/bash\necho \"$*\"\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Bash.Result run = Bash.run(Map.of("SLURM_ARRAY_TASK_ID", "1", "RECONLAB_JAVA", java.toString()),
                out.resolve("slurm").resolve(SlurmScripts.RUN).toString());
        assertThat(run.code()).as(run.output()).isZero();
        Path thp = Path.of(SlurmScripts.TRANSPARENT_HUGE_PAGES);
        boolean offered = Files.isReadable(thp) && Files.readString(thp).matches("(?s).*\\[(always|madvise)\\].*");
        String expected = "--add-modules jdk.incubator.vector -XX:+UseParallelGC"
                + (offered ? " " + SlurmScripts.HUGE_PAGES : "") + " -cp /a.jar org.reconlab.app.cli.Main run ";
        assertThat(run.output()).startsWith(expected);
        Bash.Result merge = Bash.run(Map.of("RECONLAB_JAVA", java.toString()),
                out.resolve("slurm").resolve(SlurmScripts.MERGE).toString());
        assertThat(merge.output()).startsWith(expected.replace(" run ", " merge "));
    }
}
