package org.reconlab.core.engine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import org.reconlab.core.spi.ComponentFactory;
import org.reconlab.core.spi.ComponentKind;
import org.reconlab.core.spi.Plugin;

/**
 * Every factory of every discovered plugin, by kind and name. Names are unique across modules and kinds; a clash
 * fails at start-up naming both modules.
 */
public final class ComponentRegistry {

    /** A factory and the module that contributed it. */
    public record Entry(ComponentKind kind, ComponentFactory<?> factory, String module) {
    }

    private final Map<ComponentKind, Map<String, Entry>> byKind;
    private final Map<String, Entry> byName;
    private final Map<String, String> moduleVersions;

    private ComponentRegistry(List<Entry> entries, Map<String, String> moduleVersions) {
        Map<ComponentKind, Map<String, Entry>> kinds = new EnumMap<>(ComponentKind.class);
        for (ComponentKind kind : ComponentKind.values()) {
            kinds.put(kind, new TreeMap<>());
        }
        Map<String, Entry> names = new TreeMap<>();
        for (Entry entry : entries) {
            names.put(entry.factory().name(), entry);
            kinds.get(entry.kind()).put(entry.factory().name(), entry);
        }
        kinds.replaceAll((kind, map) -> Collections.unmodifiableMap(map));
        this.byKind = Collections.unmodifiableMap(kinds);
        this.byName = Collections.unmodifiableMap(names);
        this.moduleVersions = Collections.unmodifiableMap(new TreeMap<>(moduleVersions));
    }

    /** The registry of every {@link Plugin} on the class path (see {@link #discoverPlugins()}). */
    public static ComponentRegistry discover() {
        return fromPlugins(discoverPlugins());
    }

    /**
     * Every {@link Plugin} on the class path, found with {@link ServiceLoader}.
     *
     * @throws IllegalStateException if there is none
     */
    public static List<Plugin> discoverPlugins() {
        List<Plugin> plugins = new ArrayList<>();
        ServiceLoader.load(Plugin.class).forEach(plugins::add);
        if (plugins.isEmpty()) {
            throw new IllegalStateException("no reconlab plugin found on the class path"
                    + " (META-INF/services/org.reconlab.core.spi.Plugin)");
        }
        return plugins;
    }

    /** The registry of exactly these plugins; a clash names the modules, such as {@code module sensing}. */
    public static ComponentRegistry fromPlugins(List<? extends Plugin> plugins) {
        return fromPlugins(plugins, plugin -> "module " + plugin.name());
    }

    /**
     * The registry of exactly these plugins.
     *
     * @param source how a message names a plugin, such as {@code module ext (/path/to/ext.jar)}
     * @throws NameClashException if two plugins or two factories share a name, naming both sources
     * @throws IllegalStateException if a factory's name is not kebab-case
     */
    public static ComponentRegistry fromPlugins(List<? extends Plugin> plugins, Function<Plugin, String> source) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Plugin> modules = new TreeMap<>();
        Map<String, Plugin> owners = new HashMap<>();
        Map<String, Entry> named = new HashMap<>();
        for (Plugin plugin : plugins) {
            String module = requireNonNull(plugin.name(), "plugin name is null");
            Plugin sameName = modules.putIfAbsent(module, plugin);
            if (sameName != null) {
                throw new NameClashException("two plugins are named '" + module + "': " + source.apply(sameName)
                        + " and " + source.apply(plugin));
            }
            for (Entry entry : entriesOf(plugin)) {
                String name = entry.factory().name();
                if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
                    throw new IllegalStateException("factory name '" + name + "' of " + source.apply(plugin)
                            + " is not kebab-case");
                }
                Entry previous = named.putIfAbsent(name, entry);
                if (previous != null) {
                    throw new NameClashException("two factories are named '" + name + "': a " + kindName(previous)
                            + " of " + source.apply(owners.get(name)) + " and a " + kindName(entry) + " of "
                            + source.apply(plugin));
                }
                owners.put(name, plugin);
                entries.add(entry);
            }
        }
        Map<String, String> versions = new TreeMap<>();
        modules.forEach((module, plugin) -> versions.put(module, plugin.version()));
        return new ComponentRegistry(entries, versions);
    }

    /** Two plugins, or two factories, of one name. */
    public static final class NameClashException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        public NameClashException(String message) {
            super(message);
        }
    }

    private static String kindName(Entry entry) {
        return entry.kind().name().toLowerCase(Locale.ROOT);
    }

    /** The factories a plugin offers, tagged with its module name. */
    private static List<Entry> entriesOf(Plugin plugin) {
        List<Entry> entries = new ArrayList<>();
        plugin.problems().forEach(f -> entries.add(new Entry(ComponentKind.PROBLEM, f, plugin.name())));
        plugin.measurements().forEach(f -> entries.add(new Entry(ComponentKind.MEASUREMENT, f, plugin.name())));
        plugin.models().forEach(f -> entries.add(new Entry(ComponentKind.MODEL, f, plugin.name())));
        plugin.optimizers().forEach(f -> entries.add(new Entry(ComponentKind.OPTIMIZER, f, plugin.name())));
        plugin.metrics().forEach(f -> entries.add(new Entry(ComponentKind.METRIC, f, plugin.name())));
        return entries;
    }

    /** The factories of one kind, by name in alphabetical order. */
    public Map<String, Entry> entries(ComponentKind kind) {
        return byKind.get(kind);
    }

    /** Every factory, by name. */
    public Map<String, Entry> entries() {
        return byName;
    }

    public Optional<Entry> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Module name to version, for manifests. */
    public Map<String, String> moduleVersions() {
        return moduleVersions;
    }

    /**
     * The factory of {@code kind} named {@code name}.
     *
     * @throws InvalidSpecException at {@code path} if there is none, listing the names that exist
     */
    @SuppressWarnings("unchecked")
    public <T> ComponentFactory<T> factory(ComponentKind kind, String name, String path) {
        Entry entry = byKind.get(kind).get(name);
        if (entry == null) {
            Entry other = byName.get(name);
            String hint = other == null ? "" : " ('" + name + "' is a " + other.kind().name().toLowerCase() + ")";
            throw new InvalidSpecException(path, "unknown " + kind.name().toLowerCase() + " plugin '" + name + "'"
                    + hint + "; allowed: " + String.join(", ", byKind.get(kind).keySet()));
        }
        return (ComponentFactory<T>) entry.factory();
    }
}
