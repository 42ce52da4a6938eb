package org.reconlab.app.cluster;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.reconlab.app.arrays.TrialArraysWriter;
import org.reconlab.app.output.CsvTables;
import org.reconlab.app.report.RunReport;
import org.reconlab.app.output.RunDirectory;
import org.reconlab.app.output.TrialRecord;
import org.reconlab.app.plugin.CodeProvenance;
import org.reconlab.app.run.Manifest;
import org.reconlab.core.engine.TrialResult;

/**
 * Combines the shards of a run ({@code DIR/shards/i-of-n}, written by {@code reconlab run --shard i/n}) into
 * {@code DIR}: its trial files, {@code trials.csv}, {@code series.csv} and {@code manifest.json}, and hard links
 * (copies where links cannot be made) to the shards' saved arrays. The result is what a single-machine run of the
 * same spec into {@code DIR} writes, wall times and machine aside; {@code reconlab run} into {@code DIR} afterwards
 * finds every trial done.
 *
 * <p>Before writing anything it checks that every shard has finished, that all shards come from the same spec and
 * code (the manifest fingerprint) and the same split, and that every planned trial is present exactly once.
 */
public final class MergeService {

    /** What a merge did. */
    public record Outcome(Path directory, int shards, List<TrialResult> trials) {

        public long count(org.reconlab.core.engine.TrialStatus status) {
            return trials.stream().filter(t -> t.status() == status).count();
        }
    }

    /** The shards of {@code DIR} cannot be merged; the message says why and what to do. */
    public static final class MergeException extends IOException {
        private static final long serialVersionUID = 1L;

        MergeException(String message) {
            super(message);
        }
    }

    /** A shard as read: where it is, its manifest and its saved trials. */
    private record ShardRun(Shard shard, Path directory, Map<String, Object> manifest, Map<Integer, TrialRecord> trials) {
    }

    public Outcome merge(Path out) throws IOException {
        Path shardsRoot = out.resolve(Shard.SHARDS);
        List<Path> folders = shardFolders(shardsRoot);
        List<ShardRun> shards = new ArrayList<>();
        List<RunDirectory> locks = new ArrayList<>();
        try {
            for (Path folder : folders) {
                RunDirectory directory = RunDirectory.open(folder);
                locks.add(directory);
                shards.add(read(directory, Shard.ofFolder(folder.getFileName().toString()).orElseThrow()));
            }
            ShardRun first = shards.get(0);
            String fingerprint = String.valueOf(first.manifest().get("fingerprint"));
            int count = first.shard().count();
            int experimentTrials = ShardManifest.experimentTrials(first.manifest());
            checkAgree(shards, fingerprint, count, experimentTrials);
            List<TrialResult> all = collect(shards, experimentTrials);
            try (RunDirectory target = RunDirectory.open(out)) {
                if (target.hasManifest()) {
                    Map<String, Object> previous = target.readManifest();
                    if (!fingerprint.equals(previous.get("fingerprint"))) {
                        throw new MergeException(out + " holds a run of " + whatDiffers(previous, first.manifest())
                                + " (fingerprint " + previous.get("fingerprint") + ", the shards " + fingerprint
                                + "); merge into a fresh directory");
                    }
                }
                for (ShardRun shard : shards) {
                    for (TrialRecord record : shard.trials().values()) {
                        target.saveTrial(record);
                    }
                    linkArrays(shard.directory().resolve(TrialArraysWriter.ARRAYS), out.resolve(TrialArraysWriter.ARRAYS));
                }
                CsvTables.writeTrials(target.file(RunDirectory.TRIALS_CSV), all);
                CsvTables.writeSeries(target.file(RunDirectory.SERIES_CSV), all);
                Map<String, Object> manifest = mergedManifest(shards, experimentTrials, all);
                target.writeManifest(manifest);
                RunReport.write(out, manifest, all);
            }
            return new Outcome(out, shards.size(), all);
        } finally {
            for (RunDirectory lock : locks) {
                lock.close();
            }
        }
    }

    private static List<Path> shardFolders(Path shardsRoot) throws IOException {
        if (!Files.isDirectory(shardsRoot)) {
            throw new MergeException("no shards to merge: " + shardsRoot + " does not exist (run `reconlab run SPEC"
                    + " --out DIR --shard i/n` for each i first)");
        }
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(shardsRoot)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry) && Shard.ofFolder(entry.getFileName().toString()).isPresent()) {
                    folders.add(entry);
                }
            }
        }
        if (folders.isEmpty()) {
            throw new MergeException("no shards to merge: " + shardsRoot + " has no folder named i-of-n");
        }
        folders.sort(null);
        return folders;
    }

    private static ShardRun read(RunDirectory directory, Shard shard) throws IOException {
        Path root = directory.root();
        if (!directory.hasManifest()) {
            throw new MergeException("shard " + shard + " (" + root + ") has no manifest: it never started");
        }
        Map<String, Object> manifest = directory.readManifest();
        if (manifest.get("ended") == null) {
            throw new MergeException("shard " + shard + " (" + root + ") has not finished (its manifest has no end"
                    + " time); run it again with --shard " + shard + " to complete it");
        }
        if (!ShardManifest.shard(manifest).equals(java.util.Optional.of(shard))) {
            throw new MergeException("shard folder " + root + " holds a run of shard "
                    + ShardManifest.shard(manifest).map(Shard::toString).orElse("(none: a whole run)")
                    + ", not " + shard);
        }
        return new ShardRun(shard, root, manifest, directory.savedTrials());
    }

    private static void checkAgree(List<ShardRun> shards, String fingerprint, int count, int experimentTrials)
            throws MergeException {
        List<String> missing = new ArrayList<>();
        boolean[] present = new boolean[count];
        for (ShardRun shard : shards) {
            if (!fingerprint.equals(String.valueOf(shard.manifest().get("fingerprint")))) {
                throw new MergeException("shards of " + whatDiffers(shards.get(0).manifest(), shard.manifest()) + ": "
                        + shards.get(0).directory() + " has fingerprint " + fingerprint + ", " + shard.directory()
                        + " has " + shard.manifest().get("fingerprint"));
            }
            if (shard.shard().count() != count || ShardManifest.experimentTrials(shard.manifest()) != experimentTrials) {
                throw new MergeException("shards of different splits: " + shards.get(0).directory() + " is one of "
                        + count + " shards of " + experimentTrials + " trials, " + shard.directory() + " one of "
                        + shard.shard().count() + " of " + ShardManifest.experimentTrials(shard.manifest())
                        + "; remove the shards of the split you do not want");
            }
            present[shard.shard().index()] = true;
        }
        for (int i = 0; i < count; i++) {
            if (!present[i]) {
                missing.add(i + "/" + count);
            }
        }
        if (!missing.isEmpty()) {
            throw new MergeException("missing shards " + String.join(", ", missing) + " (no folder under "
                    + shards.get(0).directory().getParent() + "); run them with --shard");
        }
    }

    /** "different code (reconlab commit ... against commit ...)", or "a different spec" when the code agrees. */
    private static String whatDiffers(Map<String, Object> a, Map<String, Object> b) {
        return CodeProvenance.difference(a, b).map(d -> "different code (" + d + ")").orElse("a different spec");
    }

    /** Every planned trial exactly once, each from the shard that holds it, in plan order. */
    private static List<TrialResult> collect(List<ShardRun> shards, int experimentTrials) throws MergeException {
        Map<Integer, TrialResult> byIndex = new TreeMap<>();
        for (ShardRun shard : shards) {
            for (TrialRecord record : shard.trials().values()) {
                int index = record.index();
                if (index < 0 || index >= experimentTrials || !shard.shard().contains(index)) {
                    throw new MergeException("shard " + shard.shard() + " (" + shard.directory() + ") holds trial "
                            + index + ", which is not one of its trials");
                }
                if (byIndex.put(index, record.toResult()) != null) {
                    throw new MergeException("trial " + index + " is present twice");
                }
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < experimentTrials; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            throw new MergeException(missing.size() + " of " + experimentTrials + " trials are missing: "
                    + abbreviate(missing) + "; run their shards again to complete them");
        }
        return new ArrayList<>(byIndex.values());
    }

    private static Map<String, Object> mergedManifest(List<ShardRun> shards, int experimentTrials,
            List<TrialResult> all) {
        Map<String, Object> manifest = new LinkedHashMap<>(shards.get(0).manifest());
        manifest.remove(ShardManifest.KEY);
        List<Map<String, Object>> parts = new ArrayList<>();
        String started = null;
        String ended = null;
        for (ShardRun shard : shards) {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("shard", shard.shard().toString());
            part.put("directory", shard.directory().toString());
            part.put("machine", shard.manifest().get("machine"));
            part.put("threads", shard.manifest().get("threads"));
            part.put("started", shard.manifest().get("started"));
            part.put("ended", shard.manifest().get("ended"));
            part.put("trials", shard.trials().size());
            parts.add(part);
            started = pick(started, (String) shard.manifest().get("started"), true);
            ended = pick(ended, (String) shard.manifest().get("ended"), false);
        }
        manifest.put("started", started);
        manifest.put("ended", ended);
        manifest.put("planned-trials", experimentTrials);
        Manifest.putTrialStatuses(manifest, all);
        manifest.put("merged", Instant.now().toString());
        manifest.put("shards", parts);
        return manifest;
    }

    /** The earlier (or later) of two ISO-8601 instants, either possibly null. */
    private static String pick(String a, String b, boolean earlier) {
        if (a == null || b == null) {
            return Objects.requireNonNullElse(a, b);
        }
        return Instant.parse(a).isBefore(Instant.parse(b)) == earlier ? a : b;
    }

    /** Links each {@code trial-<n>} folder's files from a shard's arrays into the merged arrays folder. */
    private static void linkArrays(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files.filter(f -> Files.isRegularFile(f) && !f.getFileName().toString().startsWith("."))::iterator) {
                Path target = to.resolve(from.relativize(file));
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                try {
                    Files.createLink(target, file);
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String abbreviate(List<Integer> indices) {
        List<Integer> shown = indices.subList(0, Math.min(indices.size(), 20));
        return shown + (indices.size() > shown.size() ? " and " + (indices.size() - shown.size()) + " more" : "");
    }
}
