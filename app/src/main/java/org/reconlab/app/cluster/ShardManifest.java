package org.reconlab.app.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code shard} entry of a shard's {@code manifest.json}: which shard it is and how many trials the whole
 * experiment has, so {@code reconlab merge} can check that the shards it finds cover every trial exactly once.
 */
public final class ShardManifest {

    static final String KEY = "shard";
    static final String INDEX = "index";
    static final String COUNT = "count";
    static final String EXPERIMENT_TRIALS = "experiment-trials";

    private ShardManifest() {
    }

    /** Adds the shard entry to {@code manifest} (nothing for {@link Shard#ALL}); returns {@code manifest}. */
    public static Map<String, Object> annotate(Map<String, Object> manifest, Shard shard, int experimentTrials) {
        if (!shard.isAll()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(INDEX, shard.index());
            entry.put(COUNT, shard.count());
            entry.put(EXPERIMENT_TRIALS, experimentTrials);
            manifest.put(KEY, entry);
        }
        return manifest;
    }

    /** The shard a manifest describes, if it has a shard entry. */
    static Optional<Shard> shard(Map<String, Object> manifest) {
        if (!(manifest.get(KEY) instanceof Map<?, ?> entry)) {
            return Optional.empty();
        }
        return Optional.of(new Shard(((Number) entry.get(INDEX)).intValue(), ((Number) entry.get(COUNT)).intValue()));
    }

    /** The number of trials of the whole experiment a shard's manifest records. */
    static int experimentTrials(Map<String, Object> manifest) {
        Map<?, ?> entry = (Map<?, ?>) manifest.get(KEY);
        return ((Number) entry.get(EXPERIMENT_TRIALS)).intValue();
    }
}
