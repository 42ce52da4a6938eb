package org.reconlab.app.wiring;

import static java.util.Objects.requireNonNull;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reconlab.app.plugin.CodeProvenance;
import org.reconlab.app.plugin.LoadedPlugin;
import org.reconlab.app.plugin.PluginLoader;
import org.reconlab.core.engine.ComponentRegistry;
import org.reconlab.core.spi.ComponentFactory;
import org.reconlab.core.spi.ComponentKind;
import org.reconlab.core.spi.Plugin;

/**
 * Binds every factory of the given plugins into a Guice {@link MapBinder} by name, one map per component kind, and
 * provides the {@link ComponentRegistry} built from those maps, the plugins with their origins, and the
 * {@link CodeProvenance} of the code. A name offered twice fails at start-up with both module names (checked here,
 * so the message is ours rather than Guice's; {@link PluginLoader} names the jars first).
 */
public final class PluginModule extends AbstractModule {

    private final List<LoadedPlugin> loaded;

    public PluginModule(List<LoadedPlugin> loaded) {
        this.loaded = List.copyOf(requireNonNull(loaded, "loaded is null"));
    }

    /** The module for the built-in plugins and those under {@code pluginPaths} (see {@link PluginLoader}). */
    public static PluginModule discovered(List<Path> pluginPaths) {
        return new PluginModule(PluginLoader.load(pluginPaths));
    }

    @Override
    protected void configure() {
        bind(new TypeLiteral<List<LoadedPlugin>>() { }).toInstance(loaded);
        bind(CodeProvenance.class).toInstance(CodeProvenance.of(loaded));
        List<Plugin> plugins = loaded.stream().map(LoadedPlugin::plugin).toList();
        Map<String, String> modules = new HashMap<>();
        MapBinder<String, ComponentFactory<?>> factories = MapBinder.newMapBinder(binder(),
                new TypeLiteral<String>() { }, new TypeLiteral<ComponentFactory<?>>() { });
        MapBinder<String, String> moduleOfFactory = MapBinder.newMapBinder(binder(), String.class, String.class,
                Names.named("module-of-factory"));
        MapBinder<String, ComponentKind> kindOfFactory = MapBinder.newMapBinder(binder(), String.class, ComponentKind.class);
        MapBinder<String, String> versions = MapBinder.newMapBinder(binder(), String.class, String.class,
                Names.named("module-versions"));
        for (Plugin plugin : plugins) {
            versions.addBinding(plugin.name()).toInstance(plugin.version());
            for (ComponentRegistry.Entry entry : ComponentRegistry.entriesOf(plugin)) {
                String name = entry.factory().name();
                String previous = modules.putIfAbsent(name, entry.module());
                if (previous != null) {
                    throw new IllegalStateException("two plugins offer a component named '" + name + "': module "
                            + previous + " and module " + entry.module());
                }
                factories.addBinding(name).toInstance(entry.factory());
                moduleOfFactory.addBinding(name).toInstance(entry.module());
                kindOfFactory.addBinding(name).toInstance(entry.kind());
            }
        }
    }

    @Provides
    @Singleton
    ComponentRegistry registry(Map<String, ComponentFactory<?>> factories, Map<String, ComponentKind> kinds,
            @Named("module-of-factory") Map<String, String> modules,
            @Named("module-versions") Map<String, String> versions) {
        List<ComponentRegistry.Entry> entries = new ArrayList<>();
        factories.forEach((name, factory) -> entries.add(new ComponentRegistry.Entry(kinds.get(name), factory, modules.get(name))));
        return ComponentRegistry.fromEntries(entries, versions);
    }
}
