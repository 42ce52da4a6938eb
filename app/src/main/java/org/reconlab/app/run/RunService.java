package org.reconlab.app.run;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.reconlab.app.arrays.TrialArraysWriter;
import org.reconlab.app.cluster.Shard;
import org.reconlab.app.cluster.ShardManifest;
import org.reconlab.app.output.CsvTables;
import org.reconlab.app.output.RunDirectory;
import org.reconlab.app.output.TrialRecord;
import org.reconlab.app.plugin.CodeProvenance;
import org.reconlab.app.report.RunReport;
import org.reconlab.app.spec.LoadedSpec;
import org.reconlab.app.spec.SpecError;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ExperimentPlan;
import org.reconlab.core.engine.ExperimentRunner;
import org.reconlab.core.engine.HeapCapacity;
import org.reconlab.core.engine.TrialArtifacts;
import org.reconlab.core.engine.TrialListener;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.engine.TrialStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an experiment into a directory: validates every pipeline before touching the disk, resumes the trials an
 * earlier run of the same spec saved, saves each new trial as it finishes, then writes the tables and the manifest.
 */
public final class RunService {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);

    private static final com.fasterxml.jackson.databind.ObjectMapper SWEEP_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final ComponentRegistry registry;
    private final CodeProvenance code;

    @Inject
    public RunService(ComponentRegistry registry, CodeProvenance code) {
        this.registry = requireNonNull(registry, "registry is null");
        this.code = requireNonNull(code, "code is null");
    }

    /** What a run did. */
    public record Outcome(Path directory, int planned, int resumed, List<TrialResult> trials, List<String> warnings) {

        public long count(TrialStatus status) {
            return trials.stream().filter(t -> t.status() == status).count();
        }
    }

    /**
     * Why a saved trial that parsed does not belong to this run (another index, repetition, sweep point, seed or
     * spec), or empty if it does. The manifest's fingerprint, when present and equal, vouches for the spec; each
     * record carries the fingerprint of the run that wrote it, so trials without a manifest are checked as well.
     */
    static java.util.Optional<String> mismatch(TrialRecord record, ExperimentPlan plan, String fingerprint) {
        if (record.index() < 0 || record.index() >= plan.trials().size()) {
            return java.util.Optional.of("trial " + record.index() + " is not in the plan of " + plan.trials().size()
                    + " trials");
        }
        ExperimentPlan.PlannedTrial trial = plan.trials().get(record.index());
        if (record.repetition() != trial.repetition()) {
            return java.util.Optional.of("its repetition " + record.repetition() + " is not the plan's "
                    + trial.repetition());
        }
        if (!sameValues(record.sweep(), trial.sweepValues())) {
            return java.util.Optional.of("its sweep values " + record.sweep() + " are not the plan's "
                    + trial.sweepValues());
        }
        String seed = Long.toString(ExperimentRunner.streams(plan.spec(), trial).trialSeed(trial.repetition()));
        if (!seed.equals(record.seed())) {
            return java.util.Optional.of("its seed " + record.seed() + " is not " + seed + ", the seed this spec derives");
        }
        if (record.fingerprint() != null && !record.fingerprint().equals(fingerprint)) {
            return java.util.Optional.of("it was written by a run of another spec or code version (fingerprint "
                    + record.fingerprint() + ", this run " + fingerprint + ")");
        }
        return java.util.Optional.empty();
    }

    /** Whether two sweep-value maps hold the same values once written as JSON (numbers by value, keys unordered). */
    private static boolean sameValues(Map<String, Object> saved, Map<String, Object> planned) {
        try {
            return SWEEP_JSON.readTree(SWEEP_JSON.writeValueAsBytes(saved))
                    .equals(SWEEP_JSON.readTree(SWEEP_JSON.writeValueAsBytes(planned)));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * @throws SpecError if the spec does not build, its operators would not fit in the heap, or the directory holds a
     *     run of another spec
     * @throws IOException if the directory cannot be written (its path is in the message)
     */
    public Outcome run(LoadedSpec spec, Path out, int threads, TrialListener progress) throws IOException {
        return run(spec, out, threads, progress, Shard.ALL, false);
    }

    /**
     * Runs the trials of one shard of the experiment (all of them for {@link Shard#ALL}) into
     * {@code shard.directory(out)}.
     *
     * @param saveArrays also write each trial's arrays as {@code .npy} files under {@code arrays/trial-<n>/}
     *     (see {@link TrialArraysWriter}); trials kept from an earlier run keep the arrays it saved, if any
     */
    public Outcome run(LoadedSpec spec, Path out, int threads, TrialListener progress, Shard shard, boolean saveArrays)
            throws IOException {
        ExperimentPlan plan = spec.plan(registry, threads, HeapCapacity.longLivedBytes());
        String fingerprint = Manifest.fingerprint(spec, registry, code);
        Set<Integer> planned = new TreeSet<>();
        plan.trials().stream().map(ExperimentPlan.PlannedTrial::index).filter(shard::contains).forEach(planned::add);
        Path target = shard.directory(out);
        try (RunDirectory directory = RunDirectory.open(target)) {
            List<String> warnings = new ArrayList<>();
            if (directory.hasManifest()) {
                Map<String, Object> previous = null;
                try {
                    previous = directory.readManifest();
                } catch (RunDirectory.CorruptFileException e) {
                    Path aside = directory.setAside(directory.file(RunDirectory.MANIFEST));
                    warnings.add(e.getMessage() + "; set aside as " + aside.getFileName()
                            + ", saved trials are kept only where they match this spec");
                }
                if (previous != null && !fingerprint.equals(previous.get("fingerprint"))) {
                    Optional<String> otherCode = CodeProvenance.difference(previous,
                            Map.of(CodeProvenance.KEY, code.manifestSection()));
                    throw new SpecError(out + " holds a run of " + otherCode.map(d -> "different code (" + d + ")")
                            .orElse("a different spec") + " (fingerprint " + previous.get("fingerprint") + ", this run "
                            + fingerprint + "); choose another --out or remove the directory");
                }
            }
            RunDirectory.Resumable resumable = directory.resumableTrials(record -> mismatch(record, plan, fingerprint));
            resumable.setAside().forEach(aside -> warnings.add(aside.describe()));
            Map<Integer, TrialResult> kept = new TreeMap<>();
            for (TrialRecord record : resumable.trials().values()) {
                if (planned.contains(record.index())) {
                    kept.put(record.index(), record.toResult());
                }
            }
            if (!kept.isEmpty()) {
                log.info("resuming {}: {} of {} trials already done", out, kept.size(), plan.trials().size());
            }
            Instant started = Instant.now();
            directory.writeManifest(ShardManifest.annotate(Manifest.build(spec, registry, code, fingerprint, threads,
                    planned.size(), started, null, List.copyOf(kept.values())), shard, plan.trials().size()));
            TrialListener saveThenReport = (result, finished, total) -> {
                directory.saveTrial(TrialRecord.of(result, fingerprint));
                progress.trialFinished(result, finished, total);
            };
            List<TrialResult> fresh;
            Set<Integer> skip = new HashSet<>(kept.keySet());
            plan.trials().stream().map(ExperimentPlan.PlannedTrial::index).filter(i -> !planned.contains(i))
                    .forEach(skip::add);
            TrialArtifacts artifacts = saveArrays
                    ? new TrialArraysWriter(directory.file(TrialArraysWriter.ARRAYS)) : TrialArtifacts.NONE;
            try {
                fresh = new ExperimentRunner(registry).run(plan, threads, skip, saveThenReport, artifacts).trials();
            } catch (UncheckedIOException e) {
                // saving a trial or its arrays failed on a worker thread: report it as this method's IOException
                throw e.getCause();
            }
            List<TrialResult> all = new ArrayList<>(kept.values());
            all.addAll(fresh);
            all.sort(Comparator.comparingInt(TrialResult::index));
            CsvTables.writeTrials(directory.file(RunDirectory.TRIALS_CSV), all);
            CsvTables.writeSeries(directory.file(RunDirectory.SERIES_CSV), all);
            Map<String, Object> manifest = ShardManifest.annotate(Manifest.build(spec, registry, code, fingerprint, threads,
                    planned.size(), started, Instant.now(), all), shard, plan.trials().size());
            directory.writeManifest(manifest);
            if (shard.isAll()) {
                // A shard holds part of the sweep; `reconlab merge` draws the plots of the whole.
                RunReport.write(target, manifest, all);
            }
            return new Outcome(target, planned.size(), kept.size(), all, warnings);
        }
    }
}
