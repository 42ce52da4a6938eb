package org.reconlab.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reconlab.app.Cli;
import org.reconlab.app.output.RunDirectory;

/** {@code run --shard i/n} and {@code merge}: the merged run equals a single-machine run, checked end to end. */
class ShardMergeTest {

    private static final String TOY = Path.of("src/test/resources/specs/toy.yaml").toString();

    @TempDir
    Path temp;

    private static void runShard(Path out, String shard, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", TOY, "--out", out.toString(), "--threads", "1"));
        if (shard != null) {
            args.addAll(List.of("--shard", shard));
        }
        args.addAll(List.of(extra));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.code()).as(result.err()).isZero();
    }

    /** trials.csv without its wall_seconds column. */
    private static List<String> trialsWithoutWallTimes(Path run) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve(RunDirectory.TRIALS_CSV));
        int column = Arrays.asList(lines.get(0).split(",", -1)).indexOf("wall_seconds");
        assertThat(column).isPositive();
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            cells.remove(column);
            kept.add(String.join(",", cells));
        }
        return kept;
    }

    @Test
    void shardsAreDisjointRoundRobinSlicesThatMergeIntoTheSingleMachineRun() throws IOException {
        Path single = temp.resolve("single");
        runShard(single, null, "--save-arrays");
        Path sharded = temp.resolve("sharded");
        for (int i = 0; i < 3; i++) {
            runShard(sharded, i + "/3", "--save-arrays");
        }
        // 4 trials over 3 shards, by index mod 3: {0, 3}, {1}, {2}.
        assertThat(trialsWithoutWallTimes(sharded.resolve("shards/0-of-3"))).hasSize(3);
        assertThat(trialsWithoutWallTimes(sharded.resolve("shards/1-of-3"))).hasSize(2);
        try (RunDirectory shard = RunDirectory.open(sharded.resolve("shards/0-of-3"))) {
            assertThat(shard.savedTrials().keySet()).containsExactly(0, 3);
        }

        Cli.Result merged = Cli.run("merge", sharded.toString());
        assertThat(merged.code()).as(merged.err()).isZero();
        assertThat(merged.out()).contains("merged 4 trials from 3 shards: 4 done, 0 diverged, 0 failed");

        assertThat(trialsWithoutWallTimes(sharded)).isEqualTo(trialsWithoutWallTimes(single));
        assertThat(Files.readAllLines(sharded.resolve(RunDirectory.SERIES_CSV)))
                .isEqualTo(Files.readAllLines(single.resolve(RunDirectory.SERIES_CSV)));
        for (int trial = 0; trial < 4; trial++) {
            for (String file : List.of("truth.npy", "estimate.npy", "operator.npy")) {
                Path mergedFile = sharded.resolve("arrays/trial-" + trial).resolve(file);
                assertThat(Files.readAllBytes(mergedFile)).as(mergedFile.toString())
                        .isEqualTo(Files.readAllBytes(single.resolve("arrays/trial-" + trial).resolve(file)));
            }
        }
        Map<String, Object> manifest;
        try (RunDirectory directory = RunDirectory.open(sharded)) {
            manifest = directory.readManifest();
        }
        try (RunDirectory directory = RunDirectory.open(single)) {
            assertThat(manifest.get("fingerprint")).isEqualTo(directory.readManifest().get("fingerprint"));
        }
        assertThat(manifest).containsEntry("planned-trials", 4).containsEntry("finished-trials", 4)
                .doesNotContainKey("shard").containsKey("shards");
        assertThat((List<?>) manifest.get("shards")).hasSize(3);

        // The merged directory is a complete run: running into it again resumes every trial and runs none.
        Cli.Result again = Cli.run("run", TOY, "--out", sharded.toString());
        assertThat(again.out()).contains("4 trials (4 resumed)");
        // Merging twice gives the same tables.
        assertThat(Cli.run("merge", sharded.toString()).code()).isZero();
        assertThat(trialsWithoutWallTimes(sharded)).isEqualTo(trialsWithoutWallTimes(single));
    }

    @Test
    void aShardRunAgainResumesItsOwnTrialsOnly() {
        Path out = temp.resolve("resume");
        runShard(out, "1/2");
        Cli.Result again = Cli.run("run", TOY, "--out", out.toString(), "--shard", "1/2");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("2 trials (2 resumed)").contains(out.resolve("shards/1-of-2").toString());
    }

    @Test
    void refusesMissingShardsUnfinishedShardsAndMixedSpecsOrSplits() throws IOException {
        Path out = temp.resolve("broken");
        assertThat(Cli.run("merge", out.toString()).err()).contains("no shards to merge");

        runShard(out, "0/2");
        Cli.Result missing = Cli.run("merge", out.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("missing shards 1/2");

        runShard(out, "1/2", "--set", "seed=43");
        assertThat(Cli.run("merge", out.toString()).err()).contains("shards of a different spec");

        runShard(temp.resolve("other"), "1/3");
        Files.move(temp.resolve("other/shards/1-of-3"), out.resolve("shards/1-of-3"));
        Files.walk(out.resolve("shards/1-of-2")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        runShard(out, "1/2");
        assertThat(Cli.run("merge", out.toString()).err()).contains("shards of different splits");
        Files.walk(out.resolve("shards/1-of-3")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());

        // A trial file that strayed into the wrong shard, and a shard whose run never ended.
        Path stray = out.resolve("shards/1-of-2/trials/trial-000000.json");
        Files.copy(out.resolve("shards/0-of-2/trials/trial-000000.json"), stray);
        assertThat(Cli.run("merge", out.toString()).err()).contains("shard 1/2").contains("holds trial 0, which is not one of its trials");
        Files.delete(stray);
        Path manifest = out.resolve("shards/0-of-2/manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"ended\" : \"[^\"]+\"", "\"ended\" : null"));
        assertThat(Cli.run("merge", out.toString()).err()).contains("shard 0/2").contains("has not finished");
        runShard(out, "0/2");
        Files.delete(out.resolve("shards/0-of-2/trials/trial-000002.json"));
        assertThat(Cli.run("merge", out.toString()).err()).contains("1 of 4 trials are missing: [2]");
        runShard(out, "0/2");
        assertThat(Cli.run("merge", out.toString()).code()).isZero();
        assertThat(Files.readAllLines(out.resolve(RunDirectory.TRIALS_CSV))).hasSize(5);
    }

    @Test
    void badShardArgumentsAreBadInput() {
        for (String bad : List.of("2/2", "1", "a/b", "-1/2", "0/0")) {
            Cli.Result result = Cli.run("run", TOY, "--out", temp.resolve("x").toString(), "--shard", bad);
            assertThat(result.code()).as(bad).isEqualTo(2);
            assertThat(result.err()).as(bad).contains("--shard " + bad + ": expected i/n with 0 <= i < n");
        }
        assertThat(Shard.parse("3/4").contains(7)).isTrue();
        assertThat(Shard.parse("3/4").contains(8)).isFalse();
        assertThat(Shard.parse("0/1").directory(temp)).isEqualTo(temp);
        assertThat(Shard.ofFolder("2-of-5")).contains(new Shard(2, 5));
        assertThat(Shard.ofFolder("5-of-5")).isEmpty();
    }
}
