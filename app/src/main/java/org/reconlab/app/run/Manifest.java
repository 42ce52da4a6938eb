package org.reconlab.app.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reconlab.app.plugin.CodeProvenance;
import org.reconlab.app.spec.LoadedSpec;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.engine.TrialResult;
import org.reconlab.core.spi.ReconlabVersion;

/**
 * The provenance of a run, as written to {@code manifest.json}: enough to rebuild it (the resolved spec, seed,
 * versions and commits of reconlab and its plugins, the JVM, the machine) and to see how it went (times, trial statuses).
 */
public final class Manifest {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private Manifest() {
    }

    /**
     * A digest of everything that determines the numbers: the resolved spec, the module versions and the code itself
     * (commits and class digests, {@link CodeProvenance#identity()}). A run resumes into a directory only if the
     * digests agree.
     */
    public static String fingerprint(LoadedSpec spec, ComponentRegistry registry, CodeProvenance code) {
        Map<String, Object> content = new TreeMap<>();
        // The plots section changes pictures, not numbers: a run resumes after it is edited.
        Map<String, Object> numbers = new TreeMap<>(spec.resolved());
        numbers.remove("plots");
        content.put("spec", numbers);
        content.put("modules", registry.moduleVersions());
        content.put("code", code.identity());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsString(content)
                    .getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint the spec", e);
        }
    }

    public static Map<String, Object> build(LoadedSpec spec, ComponentRegistry registry, CodeProvenance code,
            String fingerprint, int threads, int plannedTrials, Instant started, Instant ended, List<TrialResult> trials) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("name", spec.spec().name());
        manifest.put("spec-file", spec.source());
        manifest.put("quick", spec.quick());
        manifest.put("fingerprint", fingerprint);
        manifest.put("seed", spec.spec().seed());
        manifest.put("spec", spec.resolved());
        manifest.put("reconlab-version", ReconlabVersion.current());
        manifest.put("modules", registry.moduleVersions());
        manifest.put(CodeProvenance.KEY, code.manifestSection());
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("java-version", System.getProperty("java.version"));
        machine.put("java-vendor", System.getProperty("java.vendor"));
        machine.put("vm", System.getProperty("java.vm.name"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        machine.put("host", hostName());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("max-heap-bytes", Runtime.getRuntime().maxMemory());
        manifest.put("machine", machine);
        manifest.put("threads", threads);
        manifest.put("started", started.toString());
        manifest.put("ended", ended == null ? null : ended.toString());
        manifest.put("planned-trials", plannedTrials);
        putTrialStatuses(manifest, trials);
        return manifest;
    }

    /** Sets {@code finished-trials}, {@code status-counts} and {@code trial-statuses} of a manifest from {@code trials}. */
    public static void putTrialStatuses(Map<String, Object> manifest, List<TrialResult> trials) {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> statuses = new LinkedHashMap<>();
        for (TrialResult trial : trials) {
            counts.merge(trial.status().label(), 1, Integer::sum);
            statuses.put(Integer.toString(trial.index()), trial.status().label());
        }
        manifest.put("finished-trials", trials.size());
        manifest.put("status-counts", counts);
        manifest.put("trial-statuses", statuses);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
