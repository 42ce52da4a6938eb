package org.reconlab.app.plugin;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.reconlab.core.spi.ReconlabVersion;

/**
 * Which code a plugin is and where it came from: its version, the git commit its jar was built from and whether that
 * tree had uncommitted changes (the {@code Git-Commit} and {@code Git-Dirty} entries of the jar manifest, written by
 * the build), and a digest of its class files.
 *
 * <p>The digest is what identifies the code for resume and merge: a commit names the code only of a clean tree, and
 * a developer who runs from a tree with uncommitted changes expects to resume a run of the same build but never to
 * mix trials of two different edits. The digest covers the bytes of every class (names and contents, in name order;
 * not the jar's timestamps), so rebuilding unchanged sources keeps it, and any change to the code changes it. The
 * commit is recorded beside it so that a refusal can name the code in words a person can check out.
 */
public final class CodeOrigin {

    /** The {@link #source()} of the plugins built into reconlab. */
    public static final String BUILT_IN = "built-in";
    static final String UNKNOWN = "unknown";

    private final String source;
    private final String version;
    private final String commit;
    private final String dirty;
    private final List<Path> locations;
    private final String classPrefix;
    private String classes;

    private CodeOrigin(String source, String version, String commit, String dirty, List<Path> locations,
            String classPrefix) {
        this.source = requireNonNull(source, "source is null");
        this.version = requireNonNull(version, "version is null");
        this.commit = requireNonNull(commit, "commit is null");
        this.dirty = requireNonNull(dirty, "dirty is null");
        this.locations = List.copyOf(locations);
        this.classPrefix = classPrefix;
    }

    /**
     * The code of reconlab itself: the built-in plugins, core and the app, wherever their classes are (the fat jar,
     * or the modules' class folders of a test run); the digest covers the classes under {@code org/reconlab/}.
     */
    static CodeOrigin builtIn(List<Class<?>> classes) {
        List<Path> locations = new ArrayList<>();
        for (Class<?> type : classes) {
            location(type).filter(path -> !locations.contains(path)).ifPresent(locations::add);
        }
        return new CodeOrigin(BUILT_IN, ReconlabVersion.current(), ReconlabVersion.commit(), ReconlabVersion.dirty(),
                locations, "org/reconlab/");
    }

    /**
     * A plugin from outside: {@code version} as its plugin reports it, commit and dirty flag from the manifest of the
     * jar that holds {@code pluginClass}, the digest over every class of its jars.
     */
    static CodeOrigin external(Path source, String version, Class<?> pluginClass, List<Path> jars) {
        Attributes attributes = location(pluginClass).flatMap(CodeOrigin::manifest).orElse(new Attributes());
        return new CodeOrigin(source.toString(), version, valueOr(attributes, "Git-Commit"),
                valueOr(attributes, "Git-Dirty"), jars, "");
    }

    /** {@value #BUILT_IN}, or the jar or directory of jars the plugin was loaded from. */
    public String source() {
        return source;
    }

    public String version() {
        return version;
    }

    public String commit() {
        return commit;
    }

    /** {@code true}, {@code false}, or {@code unknown}. */
    public String dirty() {
        return dirty;
    }

    /** The SHA-256 of the class files (first 12 bytes, hex), computed on first use. */
    public synchronized String classes() {
        if (classes == null) {
            classes = digest();
        }
        return classes;
    }

    /** This origin as {@code manifest.json} records it. */
    public Map<String, Object> describe() {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("source", source);
        described.put("version", version);
        described.put("commit", commit);
        described.put("dirty", dirty);
        described.put("classes", classes());
        return described;
    }

    private String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Map<String, byte[]> byName = new TreeMap<>();
            for (Path location : locations) {
                readClasses(location, byName);
            }
            for (Map.Entry<String, byte[]> entry : byName.entrySet()) {
                sha.update(entry.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(entry.getValue());
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the classes of " + locations + ": " + e.getMessage(), e);
        }
    }

    private void readClasses(Path location, Map<String, byte[]> byName) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    String name = location.relativize(file).toString().replace('\\', '/');
                    if (name.endsWith(".class") && name.startsWith(classPrefix)) {
                        byName.putIfAbsent(name, Files.readAllBytes(file));
                    }
                }
            }
            return;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                String name = entry.getName();
                if (name.endsWith(".class") && name.startsWith(classPrefix)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        // Of a class in two jars, the first one is the one loaded.
                        byName.putIfAbsent(name, in.readAllBytes());
                    }
                }
            }
        }
    }

    /** The jar or class folder {@code type} was loaded from. */
    static Optional<Path> location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Attributes> manifest(Path jar) {
        if (!Files.isRegularFile(jar)) {
            return Optional.empty();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return Optional.ofNullable(file.getManifest()).map(java.util.jar.Manifest::getMainAttributes);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String valueOr(Attributes attributes, String name) {
        String value = attributes.getValue(name);
        return value == null || value.isBlank() ? UNKNOWN : value;
    }
}
