package org.reconlab.app.run;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.reconlab.app.output.CsvTables;
import org.reconlab.app.output.RunDirectory;
import org.reconlab.app.output.TrialRecord;
import org.reconlab.app.report.RunReport;
import org.reconlab.app.spec.LoadedSpec;
import org.reconlab.app.spec.SpecError;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.ExperimentPlan;
import org.reconlab.core.engine.ExperimentRunner;
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

    private final ComponentRegistry registry;

    @Inject
    public RunService(ComponentRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /** What a run did. */
    public record Outcome(Path directory, int planned, int resumed, List<TrialResult> trials) {

        public long count(TrialStatus status) {
            return trials.stream().filter(t -> t.status() == status).count();
        }
    }

    /**
     * @throws SpecError if the spec does not build, or the directory holds a run of another spec
     * @throws IOException if the directory cannot be written (its path is in the message)
     */
    public Outcome run(LoadedSpec spec, Path out, int threads, TrialListener progress) throws IOException {
        ExperimentPlan plan = spec.plan(registry);
        String fingerprint = Manifest.fingerprint(spec, registry);
        try (RunDirectory directory = RunDirectory.open(out)) {
            if (directory.hasManifest()) {
                Object previous = directory.readManifest().get("fingerprint");
                if (!fingerprint.equals(previous)) {
                    throw new SpecError(out + " holds a run of a different spec or code version (fingerprint " + previous
                            + ", this run " + fingerprint + "); choose another --out or remove the directory");
                }
            }
            Map<Integer, TrialResult> kept = new TreeMap<>();
            for (TrialRecord record : directory.savedTrials().values()) {
                if (record.index() < plan.trials().size()) {
                    kept.put(record.index(), record.toResult());
                }
            }
            if (!kept.isEmpty()) {
                log.info("resuming {}: {} of {} trials already done", out, kept.size(), plan.trials().size());
            }
            Instant started = Instant.now();
            directory.writeManifest(Manifest.build(spec, registry, fingerprint, threads, plan.trials().size(), started,
                    null, List.copyOf(kept.values())));
            TrialListener saveThenReport = (result, finished, total) -> {
                directory.saveTrial(TrialRecord.of(result));
                progress.trialFinished(result, finished, total);
            };
            List<TrialResult> fresh;
            try {
                fresh = new ExperimentRunner(registry).run(plan, threads, Set.copyOf(kept.keySet()), saveThenReport).trials();
            } catch (IllegalStateException e) {
                if (e.getCause() instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e;
            }
            List<TrialResult> all = new ArrayList<>(kept.values());
            all.addAll(fresh);
            all.sort(Comparator.comparingInt(TrialResult::index));
            CsvTables.writeTrials(directory.file(RunDirectory.TRIALS_CSV), all);
            CsvTables.writeSeries(directory.file(RunDirectory.SERIES_CSV), all);
            Map<String, Object> manifest = Manifest.build(spec, registry, fingerprint, threads, plan.trials().size(),
                    started, Instant.now(), all);
            directory.writeManifest(manifest);
            RunReport.write(out, manifest, all);
            return new Outcome(out, plan.trials().size(), kept.size(), all);
        }
    }
}
