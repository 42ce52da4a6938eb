package org.reconlab.app.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.TypeLiteral;
import java.nio.file.Path;
import java.util.List;
import org.reconlab.app.plugin.CodeProvenance;
import org.reconlab.app.plugin.LoadedPlugin;
import org.reconlab.app.plugin.PluginLoader;
import org.reconlab.core.engine.ComponentRegistry;

/**
 * Binds the plugins with their origins, the {@link CodeProvenance} of the code and the {@link ComponentRegistry} of
 * the plugins. The registry is built here, before any injector exists, and is the one place that refuses a name
 * offered twice (naming both sources, see {@link PluginLoader#registry}).
 */
public final class PluginModule extends AbstractModule {

    private final List<LoadedPlugin> loaded;
    private final ComponentRegistry registry;

    /** @throws org.reconlab.app.plugin.PluginLoadException if two plugins or two components share a name */
    public PluginModule(List<LoadedPlugin> loaded) {
        this.loaded = List.copyOf(requireNonNull(loaded, "loaded is null"));
        this.registry = PluginLoader.registry(this.loaded);
    }

    /** The module for the built-in plugins and those under {@code pluginPaths} (see {@link PluginLoader}). */
    public static PluginModule discovered(List<Path> pluginPaths) {
        return new PluginModule(PluginLoader.load(pluginPaths));
    }

    @Override
    protected void configure() {
        bind(new TypeLiteral<List<LoadedPlugin>>() { }).toInstance(loaded);
        bind(CodeProvenance.class).toInstance(CodeProvenance.of(loaded));
        bind(ComponentRegistry.class).toInstance(registry);
    }
}
