package org.reconlab.app.plugin;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The code behind a run: reconlab's own ({@link CodeOrigin#BUILT_IN}) and that of each plugin from outside, as
 * {@code manifest.json} records it under {@code code}. A run's fingerprint covers {@link #identity()}, so resume and
 * merge refuse trials of different code; {@link #difference} says in words which code differs.
 */
public final class CodeProvenance {

    /** The manifest key of {@link #manifestSection()}. */
    public static final String KEY = "code";

    private final CodeOrigin reconlab;
    private final Map<String, CodeOrigin> plugins;

    private CodeProvenance(CodeOrigin reconlab, Map<String, CodeOrigin> plugins) {
        this.reconlab = requireNonNull(reconlab, "reconlab is null");
        this.plugins = Map.copyOf(plugins);
    }

    public static CodeProvenance of(List<LoadedPlugin> loaded) {
        CodeOrigin reconlab = null;
        Map<String, CodeOrigin> plugins = new TreeMap<>();
        for (LoadedPlugin plugin : loaded) {
            if (plugin.origin().source().equals(CodeOrigin.BUILT_IN)) {
                reconlab = plugin.origin();
            } else {
                plugins.put(plugin.plugin().name(), plugin.origin());
            }
        }
        if (reconlab == null) {
            throw new IllegalArgumentException("no built-in plugin among " + loaded);
        }
        return new CodeProvenance(reconlab, plugins);
    }

    /** {@code {reconlab: {source, version, commit, dirty, classes}, plugins: {module: {...}}}}. */
    public Map<String, Object> manifestSection() {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("reconlab", reconlab.describe());
        Map<String, Object> external = new TreeMap<>();
        plugins.forEach((module, origin) -> external.put(module, origin.describe()));
        section.put("plugins", external);
        return section;
    }

    /**
     * What identifies the code (commits and class digests; not where the jars lie), for the fingerprint. The
     * class digests decide: see {@link CodeOrigin}.
     */
    public Map<String, Object> identity() {
        Map<String, Object> identity = new TreeMap<>();
        identity.put("reconlab", List.of(reconlab.commit(), reconlab.classes()));
        plugins.forEach((module, origin) -> identity.put("plugin " + module, List.of(origin.commit(), origin.classes())));
        return identity;
    }

    /**
     * How the code recorded in manifest {@code earlier} differs from that of manifest {@code later}, in words naming
     * both commits ({@code reconlab: commit 26e4d92 (uncommitted changes; classes 1f2e...) against commit 8a7b6c5
     * (classes 3d4c...)}), or empty when both record the same code.
     */
    public static Optional<String> difference(Map<String, Object> earlier, Map<String, Object> later) {
        Map<String, Map<?, ?>> before = origins(earlier);
        Map<String, Map<?, ?>> after = origins(later);
        List<String> differences = new ArrayList<>();
        for (String name : new TreeSet<>(union(before.keySet(), after.keySet()))) {
            Map<?, ?> a = before.get(name);
            Map<?, ?> b = after.get(name);
            if (a == null || b == null) {
                differences.add("plugin " + name + " " + (a == null ? "absent" : words(a)) + " against "
                        + (b == null ? "absent" : words(b)));
            } else if (!Objects.equals(a.get("classes"), b.get("classes"))
                    || !Objects.equals(a.get("commit"), b.get("commit"))) {
                differences.add(name + " " + words(a) + " against " + words(b));
            }
        }
        return differences.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", differences));
    }

    private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        TreeSet<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** reconlab's and each plugin's recorded origin ({@code reconlab}, {@code plugin NAME}); empty if none recorded. */
    private static Map<String, Map<?, ?>> origins(Map<String, Object> manifest) {
        Map<String, Map<?, ?>> origins = new TreeMap<>();
        if (manifest != null && manifest.get(KEY) instanceof Map<?, ?> code) {
            if (code.get("reconlab") instanceof Map<?, ?> own) {
                origins.put("reconlab", own);
            }
            if (code.get("plugins") instanceof Map<?, ?> external) {
                external.forEach((name, origin) -> {
                    if (origin instanceof Map<?, ?> map) {
                        origins.put("plugin " + name, map);
                    }
                });
            }
        }
        if (!origins.containsKey("reconlab")) {
            origins.put("reconlab", Map.of("commit", "unrecorded", "classes", "unrecorded"));
        }
        return origins;
    }

    private static String words(Map<?, ?> origin) {
        String commit = String.valueOf(origin.get("commit"));
        String shortCommit = commit.matches("[0-9a-f]{40}") ? commit.substring(0, 12) : commit;
        String changes = "true".equals(String.valueOf(origin.get("dirty"))) ? "uncommitted changes; " : "";
        return "commit " + shortCommit + " (" + changes + "classes " + origin.get("classes") + ")";
    }
}
