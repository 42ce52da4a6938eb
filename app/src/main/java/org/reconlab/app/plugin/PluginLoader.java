package org.reconlab.app.plugin;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.spi.Plugin;

/**
 * Finds reconlab's plugins: the built-in ones on the application class path, and those of plugin directories.
 *
 * <p>A plugin directory holds plugin jars, each loaded on its own, and directories of jars (a plugin and the libraries
 * it needs, as {@code mvn dependency:copy-dependencies} lays them out), each loaded as one plugin; a path given
 * directly may also be a single jar. Every one gets its own {@link PluginClassLoader}, so plugins from outside neither
 * see each other nor reconlab's libraries beyond the SPI's. {@link #registry} refuses two modules of one name, or
 * two components of one name, naming both sources.
 */
public final class PluginLoader {

    /** The environment variable holding plugin paths, separated as in a class path. */
    public static final String ENVIRONMENT = "RECONLAB_PLUGINS";

    private PluginLoader() {
    }

    /** The built-in plugins alone. */
    public static List<LoadedPlugin> builtIn() {
        return load(List.of());
    }

    /**
     * The built-in plugins and those found under {@code pluginPaths}.
     *
     * @throws PluginLoadException if a path does not exist or holds no plugin (names are checked by
     *     {@link #registry})
     */
    public static List<LoadedPlugin> load(List<Path> pluginPaths) {
        List<Plugin> builtIns = ComponentRegistry.discoverPlugins();
        List<Class<?>> builtInClasses = new ArrayList<>(List.of(Plugin.class, PluginLoader.class));
        builtIns.forEach(plugin -> builtInClasses.add(plugin.getClass()));
        CodeOrigin reconlab = CodeOrigin.builtIn(builtInClasses);
        List<LoadedPlugin> loaded = new ArrayList<>();
        builtIns.forEach(plugin -> loaded.add(new LoadedPlugin(plugin, reconlab)));
        for (Path path : pluginPaths) {
            for (Path unit : units(path)) {
                loaded.addAll(loadUnit(unit));
            }
        }
        return List.copyOf(loaded);
    }

    /** The paths of a path list such as {@value #ENVIRONMENT} holds ({@code dir1:dir2}); empty for null or blank. */
    public static List<Path> parsePathList(String value) {
        List<Path> paths = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    paths.add(Path.of(part.strip()));
                }
            }
        }
        return paths;
    }

    /** The plugins a path holds: itself if it is a jar; else each jar in it and each sub-directory holding jars. */
    private static List<Path> units(Path path) {
        if (Files.isRegularFile(path) && isJar(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            throw new PluginLoadException("plugin path " + path + " is neither a directory nor a .jar file"
                    + (Files.exists(path) ? "" : " (it does not exist)"));
        }
        List<Path> units = new ArrayList<>();
        for (Path entry : sortedEntries(path)) {
            if (Files.isRegularFile(entry) && isJar(entry)) {
                units.add(entry);
            } else if (Files.isDirectory(entry) && !jarsIn(entry).isEmpty()) {
                units.add(entry);
            }
        }
        if (units.isEmpty()) {
            throw new PluginLoadException("plugin directory " + path + " holds no .jar file and no directory of jars");
        }
        return units;
    }

    private static List<LoadedPlugin> loadUnit(Path unit) {
        List<Path> jars = Files.isDirectory(unit) ? jarsIn(unit) : List.of(unit);
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new PluginLoadException("cannot load plugin jar " + jar + ": " + e.getMessage(), e);
            }
        }
        PluginClassLoader loader = new PluginClassLoader("reconlab-plugin:" + unit.getFileName(), urls,
                PluginLoader.class.getClassLoader());
        List<LoadedPlugin> plugins = new ArrayList<>();
        try {
            for (Plugin plugin : ServiceLoader.load(Plugin.class, loader)) {
                if (plugin.getClass().getClassLoader() != loader) {
                    continue;
                }
                plugins.add(new LoadedPlugin(plugin, CodeOrigin.external(unit, plugin.version(), plugin.getClass(), jars)));
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new PluginLoadException("cannot load the plugin of " + unit + ": " + e.getMessage(), e);
        }
        if (plugins.isEmpty()) {
            throw new PluginLoadException(unit + " holds no reconlab plugin: a plugin jar lists its Plugin class in"
                    + " META-INF/services/org.reconlab.core.spi.Plugin");
        }
        return plugins;
    }

    /**
     * The registry of {@code loaded}.
     *
     * @throws PluginLoadException if two plugins or two components share a name, naming both sources
     */
    public static ComponentRegistry registry(List<LoadedPlugin> loaded) {
        Map<Plugin, String> labels = new IdentityHashMap<>();
        loaded.forEach(plugin -> labels.put(plugin.plugin(), plugin.label()));
        try {
            return ComponentRegistry.fromPlugins(loaded.stream().map(LoadedPlugin::plugin).toList(), labels::get);
        } catch (ComponentRegistry.NameClashException e) {
            throw new PluginLoadException(e.getMessage() + "; remove one of them from the plugin path", e);
        }
    }

    private static List<Path> jarsIn(Path directory) {
        return sortedEntries(directory).stream().filter(p -> Files.isRegularFile(p) && isJar(p)).toList();
    }

    private static List<Path> sortedEntries(Path directory) {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new PluginLoadException("cannot read plugin directory " + directory + ": " + e.getMessage(), e);
        }
    }

    private static boolean isJar(Path path) {
        return path.getFileName().toString().endsWith(".jar");
    }
}
